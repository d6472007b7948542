// Collects the figures as they are measured: each is printed at once (a long run shows progress) and
// all of them, with the machine and the load, become bench/RESULTS.md at the end.
import { writeFileSync } from 'node:fs';
import { fmt } from './stats.ts';
import { describeMachine, loadNow, type MachineInfo } from './machine.ts';

export interface Baseline {
  name: string;
  value: number;
  unit?: string;
}

export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** measured in the same run: what the figure is compared with */
  baseline?: Baseline;
  note?: string;
}

interface Section {
  title: string;
  intro: string[];
  figures: Figure[];
  notes: string[];
  skipped?: string;
  seconds?: number;
  load?: number[];
}

export class Results {
  private readonly sections: Section[] = [];

  /** every figure measured so far, with its section's title */
  figures(): Array<{ section: string; figure: Figure }> {
    return this.sections.flatMap((s) => s.figures.map((figure) => ({ section: s.title, figure })));
  }

  constructor(private readonly print: (line: string) => void = (l) => process.stdout.write(`${l}\n`)) {}

  section(title: string, ...intro: string[]): SectionWriter {
    const s: Section = { title, intro, figures: [], notes: [] };
    this.sections.push(s);
    this.print(`\n== ${title}`);
    const started = performance.now();
    const print = this.print;
    return {
      add(f: Figure) {
        s.figures.push(f);
        const base = f.baseline ? `   [baseline ${f.baseline.name}: ${fmt(f.baseline.value)} ${f.baseline.unit ?? f.unit}; ratio ${fmt(ratio(f), 2)}]` : '';
        print(`  ${f.name}: ${fmt(f.value)} ${f.unit}${base}${f.note ? `  (${f.note})` : ''}`);
      },
      note(text: string) {
        s.notes.push(text);
        print(`  · ${text}`);
      },
      skip(reason: string) {
        s.skipped = reason;
        print(`  SKIPPED: ${reason}`);
      },
      done() {
        s.seconds = (performance.now() - started) / 1000;
        s.load = loadNow();
        print(`  (${fmt(s.seconds)} s; load average ${s.load.join(' / ')})`);
      },
    };
  }

  markdown(
    machine: MachineInfo,
    header: { command: string; sizes: Record<string, number | string>; totalSeconds: number; goals?: string[]; fixes?: string },
  ): string {
    const out: string[] = [];
    out.push('# Azamat benchmark results', '');
    out.push(
      `Written by \`${header.command}\` on ${new Date().toISOString().replace('T', ' ').slice(0, 16)} UTC; the whole run took ${fmt(header.totalSeconds)} s.`,
      '',
    );
    out.push('## Machine', '');
    for (const line of describeMachine(machine)) out.push(`- ${line}`);
    out.push(`- Load average at the end (1/5/15 min): ${loadNow().join(' / ')}`);
    out.push('', '## Sizes of this run', '');
    out.push('| setting | value |', '|---|---|');
    for (const [k, v] of Object.entries(header.sizes)) out.push(`| \`${k}\` | ${typeof v === 'number' ? v.toLocaleString('en-US') : v} |`);
    if (header.goals) out.push('', '## Goals of issue 23, as measured in this run', '', ...header.goals);
    for (const s of this.sections) {
      out.push('', `## ${s.title}`, '');
      for (const line of s.intro) out.push(line, '');
      if (s.skipped) {
        out.push(`**Skipped:** ${s.skipped}`);
        continue;
      }
      if (s.figures.length) {
        out.push('| figure | value | baseline (same run) | baseline value | ratio |', '|---|---:|---|---:|---:|');
        for (const f of s.figures) {
          const b = f.baseline;
          out.push(
            `| ${f.name}${f.note ? ` (${f.note})` : ''} | ${fmt(f.value)} ${f.unit} | ${b ? b.name : ''} | ${b ? `${fmt(b.value)} ${b.unit ?? f.unit}` : ''} | ${b ? fmt(ratio(f), 2) : ''} |`,
          );
        }
      }
      if (s.notes.length) out.push('', ...s.notes.map((n) => `- ${n}`));
      if (s.seconds !== undefined) out.push('', `_Section time ${fmt(s.seconds)} s; load average after it ${s.load?.join(' / ')}._`);
    }
    if (header.fixes) out.push('', header.fixes.trim());
    return `${out.join('\n')}\n`;
  }

  write(file: string, machine: MachineInfo, header: Parameters<Results['markdown']>[1]): void {
    writeFileSync(file, this.markdown(machine, header));
  }
}

export interface SectionWriter {
  add(f: Figure): void;
  note(text: string): void;
  skip(reason: string): void;
  done(): void;
}

const ratio = (f: Figure) => (f.baseline && f.baseline.value !== 0 ? f.value / f.baseline.value : Number.NaN);
