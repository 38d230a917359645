#!/usr/bin/env node
// The protokoll executable: runs the compiled CLI.
import { main } from '../dist/cli/main.js';

await main();
