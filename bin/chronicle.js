#!/usr/bin/env node
// The `chronicle` command. Sources are TypeScript, loaded through tsx so no build step is needed.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
