/** The PDF packet's font in Node (command line, tests, benchmarks): DejaVu Sans read from node_modules. */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { FontSource } from '../core/export/pdf/packet';

/** Reads DejaVuSans.ttf from the dejavu-fonts-ttf package. */
export const nodeFont: FontSource = async () => readFile(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));
