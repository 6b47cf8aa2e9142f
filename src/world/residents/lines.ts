/**
 * The words of a chat, written offline: a small grammar of turns. The opener asks about a shared
 * interest or tells the news or a memory; the reply answers what was asked or told, as the talk
 * goes (warm or a quarrel), as the two stand, and in the words of the speaker's job; the closing
 * line takes up the reply, and sometimes the other has the last word. Every choice is drawn from
 * the conversation's seeded Rng, so the same seed writes the same lines.
 */
import type { Rng } from '../rng.ts';
import type { ResidentDef } from './types.ts';
import { article, be, capitalise, quote, stop } from './wording.ts';

/** What the chat is about, as talk.ts chose it. */
export type Subject =
  | { kind: 'news'; text: string }
  | { kind: 'interest'; topic: string }
  | { kind: 'memory'; text: string }
  | { kind: 'own'; topic: string };

export interface Turns {
  a: ResidentDef;
  b: ResidentDef;
  /** How they addressed each other: "Ida", "Master Cogsworth". */
  an: string;
  bn: string;
  score: number;
  warm: boolean;
  placeName: string;
  subject: Subject;
}

/** What a line did, so the next can answer it. */
type Act = 'asked' | 'offered' | 'told-news' | 'told-memory' | 'told-deed';

type NewsKind = 'raid' | 'weather' | 'other';

function newsKind(text: string): NewsKind {
  if (/raid|robbed|plunder|took|stole|loot/i.test(text)) return 'raid';
  if (/storm|flood|gale|rain|wind|fog|sea was/i.test(text)) return 'weather';
  return 'other';
}

/** Whether raids fill this person's purse (the pirates talk of plunder as a trade). */
const gainsFromRaids = (p: ResidentDef) => 'plunder' in p.interests;

/** The relation `of` is to `to` ("sister"), if they are family. */
function relationOf(of: ResidentDef, to: ResidentDef): string | undefined {
  return Object.entries(to.family ?? {}).find(([, name]) => name === of.name)?.[0];
}

/** How the speaker greets the other first, by how the two stand. */
function greeting(t: Turns, rng: Rng): string {
  const kin = relationOf(t.b, t.a);
  if (kin && rng.chance(0.5)) return rng.pick([`${t.bn}, dear ${kin},`, `My ${kin}!`]);
  if (t.score >= 30) return rng.pick([`${t.bn}, old friend,`, `${t.bn}!`, `There you are, ${t.bn}.`]);
  if (t.score < 0) return rng.pick([`${t.bn}.`, `Well, ${t.bn}.`, `${t.bn}, a word.`]);
  return rng.pick([`${t.bn},`, `Good day, ${t.bn}.`, `${t.bn}, well met.`, `Ah, ${t.bn}.`]);
}

function opener(t: Turns, rng: Rng): { line: string; act: Act } {
  const hello = greeting(t, rng);
  const lead = (s: string) => (hello.endsWith(',') ? `${hello} ${s}` : `${hello} ${capitalise(s)}`);
  const s = t.subject;
  switch (s.kind) {
    case 'news': {
      const news = stop(quote(s.text));
      return {
        act: 'told-news',
        line: `${t.an}: ${lead(rng.pick(['did you hear?', 'have you heard?', 'you will have heard:', 'news from the town:']))} ${news}`,
      };
    }
    case 'interest': {
      const topic = s.topic;
      const is = be(topic);
      return {
        act: 'asked',
        line: `${t.an}: ${lead(
          rng.pick([
            `how ${is} the ${topic} going for you these days?`,
            `${is} the ${topic} treating you well?`,
            `what do you make of the ${topic} lately?`,
            `any word on the ${topic}?`,
            `I have been meaning to ask you about ${topic}. How ${is} it going?`,
          ]),
        )}`,
      };
    }
    case 'memory':
      // What they did themselves is told as a deed; what they saw or shared, as a memory.
      if (isDeed(s.text, t.a))
        return {
          act: 'told-deed',
          line: `${t.an}: ${lead(rng.pick(['I have been busy.', 'a good day behind me:', 'you should have seen it.']))} ${stop(quote(s.text, 100))}`,
        };
      return {
        act: 'told-memory',
        line: `${t.an}: ${lead(rng.pick(['I keep thinking about it.', 'do you remember?', 'it comes back to me:', 'I was thinking of the other day.']))} ${stop(quote(s.text, 100))}`,
      };
    case 'own':
      return {
        act: 'offered',
        line: `${t.an}: ${lead(
          rng.pick([
            `have you ever tried ${s.topic}?`,
            `do you know anything about ${s.topic}?`,
            `would you like to hear about ${s.topic}?`,
          ]),
        )}`,
      };
  }
}

/** Whether a memory is of the speaker's own doing: their work, a talk they had, a journey, a task. */
function isDeed(text: string, a: ResidentDef): boolean {
  return text.includes(a.name) || /^(Talked|Travelled|Finished|Set off|Arrived)\b/.test(text);
}

/** The subject in a few words, to be named again. */
function subjectWords(s: Subject): string {
  if (s.kind === 'interest' || s.kind === 'own') return s.topic;
  return s.kind === 'news' ? 'that news' : 'those days';
}

/** What the other says back: an answer to what was asked, a word on what was told. */
function reply(t: Turns, act: Act, rng: Rng): { line: string; mood: string } {
  const { an } = t;
  const job = t.b.job;
  if (!t.warm) {
    const jab = t.score < 0 ? rng.pick([' You of all people should know.', ' Not from you.', '']) : '';
    if (act === 'asked') {
      const topic = subjectWords(t.subject);
      return {
        mood: 'rebuffed',
        line: `${t.bn}: ${rng.pick([
          `Why would you care about ${topic}, ${an}?`,
          `${capitalise(topic)} ${be(topic)} none of your business.`,
          `I have no time for ${topic} talk, ${an}; some of us have work to do.`,
          `Ask someone who has time to waste, ${an}.`,
        ])}${jab}`,
      };
    }
    if (act === 'offered') {
      const topic = subjectWords(t.subject);
      return {
        mood: 'refused',
        line: `${t.bn}: ${rng.pick([
          'Not if my life depended on it.',
          `Spare me your ${topic}, ${an}.`,
          'I have better things to do.',
        ])}${jab}`,
      };
    }
    if (act === 'told-deed')
      return {
        mood: 'scorned',
        line: `${t.bn}: ${rng.pick(['And you want a medal for it?', `Everyone works, ${an}.`, 'Is that all?'])}${jab}`,
      };
    if (act === 'told-news') {
      const kind = newsKind(t.subject.kind === 'news' ? t.subject.text : '');
      return {
        mood: 'dismissed',
        line: `${t.bn}: ${rng.pick([
          'Old news. The whole town has it.',
          'I have heard enough about that.',
          'And what would you have me do about it?',
          kind === 'raid'
            ? gainsFromRaids(t.b)
              ? 'Keep your voice down, or everyone will know whose crates those were.'
              : 'You talk as if it were my fault.'
            : 'Spreading it about will not mend it.',
        ])}${jab}`,
      };
    }
    return {
      mood: 'denied',
      line: `${t.bn}: ${rng.pick([
        'That is not how I remember it.',
        'You always tell it your way.',
        'Must we go over that again?',
      ])}${jab}`,
    };
  }
  if (act === 'asked') {
    const topic = subjectWords(t.subject);
    const is = be(topic);
    return {
      mood: 'answered',
      line: `${t.bn}: ${rng.pick([
        `Better than I hoped, ${an}.`,
        'Well enough, thank you.',
        `Funny you should ask, ${an}.`,
        'Since you ask, very well.',
      ])} ${rng.pick([
        `${capitalise(article(job))} ${job} always finds time for ${topic}.`,
        `${capitalise(topic)} ${is} the best part of my week.`,
        `I could talk ${topic} all evening.`,
        `Between the work and ${topic}, the days fly.`,
        `Sit down and I will tell you about ${topic}.`,
        `Here at ${t.placeName} everyone has an opinion on ${topic}.`,
      ])}`,
    };
  }
  if (act === 'offered') {
    const topic = subjectWords(t.subject);
    return {
      mood: 'curious',
      line: `${t.bn}: ${rng.pick(['Go on, then.', 'I would like that.', 'Tell me everything.'])} ${rng.pick([
        `I know nothing of ${topic}.`,
        `${capitalise(article(job))} ${job} has little time for ${topic}, but I am curious.`,
        `I have always wondered about ${topic}.`,
      ])}`,
    };
  }
  if (act === 'told-deed')
    return {
      mood: 'praised',
      line: `${t.bn}: ${rng.pick([`Well done, ${an}.`, 'I heard about that.', 'You should be proud.'])} ${rng.pick(
        ['Not many could say the same.', 'The town is lucky to have you.', 'Tell me how you did it.'],
      )}`,
    };
  if (act === 'told-news') {
    const text = t.subject.kind === 'news' ? t.subject.text : '';
    const kind = newsKind(text);
    const words =
      kind === 'raid'
        ? gainsFromRaids(t.b)
          ? ['Ha! A fat haul, by the sound of it.', 'Good for the Gull. Drinks are on the crew tonight.']
          : ['The pirates again? Someone has to stop them.', 'Another raid. The roads are not safe.']
        : kind === 'weather'
          ? ['I saw the sky turn this morning.', 'Stay off the water until it blows over.']
          : ['I heard something of it.', 'So that is what everyone is on about.'];
    return {
      mood: kind === 'raid' ? (gainsFromRaids(t.b) ? 'gloating' : 'worried') : 'heard',
      line: `${t.bn}: ${rng.pick(words)} ${rng.pick([
        `What does ${article(job)} ${job} make of it? Not much good.`,
        `It will be talked about at ${t.placeName} all week.`,
        `Thank you for telling me, ${an}.`,
        'We should keep our eyes open.',
      ])}`,
    };
  }
  return {
    mood: 'remembered',
    line: `${t.bn}: ${rng.pick(['I remember it well.', 'How could I forget?', 'Those were the days.'])} ${rng.pick(
      [`You were there too, ${an}.`, 'We should do it again.', `Not much has changed at ${t.placeName}.`],
    )}`,
  };
}

/** How the first speaker takes a rebuff, by what they had said. */
const TAKEN_ILL: Record<Act, readonly string[]> = {
  asked: ['I only asked.', 'It was a simple question.', 'No need to bite my head off.'],
  offered: ['Your loss.', 'I was only offering.', 'Then I will keep it to myself.'],
  'told-deed': ['I was not asking for praise.', 'Next time I will keep it to myself.'],
  'told-news': ['I was only telling you.', 'Fine, hear it from someone else.', 'Then stay in the dark.'],
  'told-memory': ['Remember it your way, then.', 'You were never one to admit it.', 'Have it your way.'],
};

/** How the first speaker takes a friendly reply, by its mood. */
const TAKEN_WELL: Record<string, readonly string[]> & { remembered: readonly string[] } = {
  answered: ['Glad to hear it.', 'Then I will listen.', 'That is good to hear.', 'I hoped you would say so.'],
  worried: ['Let us hope it is the last of it.', 'I will watch the road.', 'Keep your doors barred, then.'],
  curious: ['Then pull up a chair.', 'Where do I begin?', 'You will not regret it.'],
  praised: ['Kind of you to say.', 'It was a good day’s work.', 'I do my best.'],
  gloating: ['I will drink to that.', 'Just keep the crates out of sight.'],
  heard: ['I thought you should know.', 'We will see what tomorrow brings.'],
  remembered: ['We should, soon.', 'I would not have missed it.', 'Good times.'],
};

/** The first speaker takes up the reply and parts as the talk went. */
function closing(t: Turns, act: Act, mood: string, rng: Rng): string {
  const kin = relationOf(t.b, t.a);
  if (!t.warm) {
    const taken = rng.pick(TAKEN_ILL[act]);
    const parting = rng.pick([
      `Suit yourself, ${t.bn}.`,
      'Then we have nothing more to say.',
      t.score < 0 ? 'You have not changed.' : 'I thought better of you.',
      kin ? `And you call yourself my ${kin}.` : `Good day, ${t.bn}.`,
      '',
    ]);
    return `${t.an}: ${taken}${parting ? ` ${parting}` : ''}`;
  }
  const taken = rng.pick(TAKEN_WELL[mood] ?? TAKEN_WELL.remembered);
  const parting = rng.pick([
    `See you at ${t.placeName} again.`,
    'The next round is mine.',
    kin ? `Give my love to the family, ${kin}.` : `You are good company, ${t.bn}.`,
    t.score >= 30 ? 'What would I do without you?' : `Let us talk again, ${t.bn}.`,
    `Back to work for this ${t.a.job}.`,
    '',
  ]);
  return `${t.an}: ${taken}${parting ? ` ${parting}` : ''}`;
}

/** Sometimes the other has the last word. */
function lastWord(t: Turns, rng: Rng): string | undefined {
  if (!rng.chance(0.4)) return undefined;
  return t.warm
    ? `${t.bn}: ${rng.pick(['Until next time.', 'Mind how you go.', `Take care, ${t.an}.`, 'I will hold you to that.'])}`
    : `${t.bn}: ${rng.pick(['Good riddance.', 'Hmph.', `We will see, ${t.an}.`])}`;
}

/** The chat's lines, opener first. */
export function chatLines(t: Turns, rng: Rng): string[] {
  const first = opener(t, rng);
  const second = reply(t, first.act, rng);
  const lines = [first.line, second.line, closing(t, first.act, second.mood, rng)];
  const last = lastWord(t, rng);
  if (last) lines.push(last);
  return lines;
}

export interface Meeting {
  /** The first few who speak, in turn, and how they are addressed. */
  speakers: readonly { def: ResidentDef; name: string }[];
  /** What the meeting is about: the town's news or the scenario's event, as told. */
  topic: string;
  /** Friendly when above 0. */
  delta: number;
  /** A siege: the two sides face each other. */
  hostile: boolean;
}

/** A meeting's lines: the first speaker says what it is about, each next one answers the last. */
export function meetingLines(m: Meeting, rng: Rng): string[] {
  const about = stop(quote(m.topic));
  return m.speakers.map((s, i) => {
    if (i === 0)
      return `${s.name}: ${rng.pick([
        `We are here about this: ${about}`,
        `You all know why we are here. ${capitalise(about)}`,
        `Friends, let us begin. ${capitalise(about)}`,
        `Hear me out. ${capitalise(about)}`,
      ])}`;
    const prev = m.speakers[i - 1] as { def: ResidentDef; name: string };
    const job = s.def.job;
    const sameSide = prev.def.town === s.def.town;
    if (m.hostile && !sameSide)
      return `${s.name}: ${rng.pick([`Never, ${prev.name}!`, 'Over my dead body.', 'You will regret this.', `Go home, ${prev.name}.`])} ${rng.pick(['We will not give way.', `No ${job} here will bow to you.`, ''])}`.trimEnd();
    if (m.hostile || m.delta > 0)
      return `${s.name}: ${rng.pick([`Well said, ${prev.name}.`, 'Agreed.', `I am with ${prev.name}.`, `${prev.name} is right.`])} ${rng.pick(
        [
          `As ${article(job)} ${job}, I will do my part.`,
          'Count me in.',
          'Tell me what you need.',
          m.hostile ? 'We stand together.' : 'Let us not waste the evening.',
          '',
        ],
      )}`.trimEnd();
    return `${s.name}: ${rng.pick([`That will not work, ${prev.name}.`, `I cannot agree, ${prev.name}.`, 'Over my dead body.', 'You will regret this.'])} ${rng.pick(
      [`Ask any ${job}.`, 'We have been through this before.', 'Talk is cheap.', ''],
    )}`.trimEnd();
  });
}
