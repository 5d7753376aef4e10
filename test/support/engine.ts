// Helpers that let engine tests read like the feature they check.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { getLanguageService, type CharterLanguageService } from '../../server/src/engine/languageService';
import { defaultSettings, normaliseSettings, type CharterSettings } from '../../server/src/engine/settings';
import type { Finding } from '../../server/src/engine/types';

export const REPO = path.resolve(__dirname, '..', '..');

let shared: CharterLanguageService | undefined;
export function service(): CharterLanguageService {
  return (shared ??= getLanguageService());
}

export interface ValidateOptions {
  path?: string;
  settings?: Partial<CharterSettings> | Record<string, unknown>;
}

/** Validates one inline text as if it were the file `path` (default `x.charter.yaml`) in a workspace. */
export async function findingsFor(text: string, options: ValidateOptions = {}): Promise<Finding[]> {
  const relativePath = options.path ?? 'x.charter.yaml';
  const uri = `file:///workspace/${relativePath}`;
  const svc = service();
  svc.forget(uri);
  const file = svc.parse(uri, text, 1);
  const settings = options.settings ? normaliseSettings(options.settings) : defaultSettings();
  return svc.validate(file, { relativePath, settings });
}

/** `rule@line:col-line:col message`, 1-based, the way a reviewer reads a finding. */
export function describe(f: Finding): string {
  return `${f.rule}@${f.range.start.line + 1}:${f.range.start.character + 1}-${f.range.end.line + 1}:${f.range.end.character + 1} ${f.message}`;
}

/** The text a finding underlines. */
export function underlined(text: string, f: Finding): string {
  const lines = text.split('\n');
  if (f.range.start.line === f.range.end.line) return lines[f.range.start.line].slice(f.range.start.character, f.range.end.character);
  return [lines[f.range.start.line].slice(f.range.start.character), ...lines.slice(f.range.start.line + 1, f.range.end.line), lines[f.range.end.line].slice(0, f.range.end.character)].join('\n');
}

export function fileUri(p: string): string {
  return pathToFileURL(p).href;
}

export function readFixture(...parts: string[]): string {
  return fs.readFileSync(path.join(REPO, ...parts), 'utf8');
}

/** A minimal project charter, valid under the schema and the governance rules; tests change one thing in it at a time. */
export const VALID_PROJECT = `apiVersion: charter/v1
kind: Project
id: fin-invoice-automation
title: Invoice automation
status: active
sponsor: jane.doe
manager: raj.patel
schedule:
  start: 2027-01-04
  end: 2027-12-17
budget:
  currency: EUR
  approved: 850000
approvals:
  - { role: sponsor, person: jane.doe, decision: approved, date: 2026-12-01 }
`;
