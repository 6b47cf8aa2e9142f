/** `chronicle report --day N`: a day's world report, as the residents' run stored it. */
import { existsSync } from 'node:fs';
import { Command, Option } from 'commander';
import { residentStorePath } from '../files/data-dir.ts';
import { openResidentStore } from '../store/open.ts';
import { dataOption, parseCount } from './options.ts';

interface ReportFlags {
  data: string;
  day: number;
  format: 'markdown' | 'json';
}

async function showReport(flags: ReportFlags): Promise<void> {
  const path = residentStorePath(flags.data);
  if (!existsSync(path)) throw new Error(`no reports in ${flags.data}: run chronicle world run first`);
  const store = await openResidentStore(path);
  try {
    const report = await store.report(flags.day);
    if (!report) {
      const days = await store.reportDays();
      throw new Error(
        `no report for day ${flags.day}; ${days.length > 0 ? `there are reports for days ${days[0]}–${days.at(-1)}` : 'there are no reports yet: run chronicle world run'}`,
      );
    }
    process.stdout.write(
      flags.format === 'json' ? `${JSON.stringify(report.json, null, 2)}\n` : report.markdown,
    );
  } finally {
    await store.close();
  }
}

export function reportCommand(): Command {
  return new Command('report')
    .description(
      "a day's world report: the residents' activities, relationships, memories and each town's news",
    )
    .addOption(dataOption())
    .addOption(
      new Option('--day <n>', 'the day').argParser(parseCount('--day', 1, 1_000_000)).makeOptionMandatory(),
    )
    .addOption(new Option('--format <format>', 'print as').choices(['markdown', 'json']).default('markdown'))
    .action((flags: ReportFlags) => showReport(flags));
}
