import cliProgress from 'cli-progress';

/**
 * A progress bar on stderr for long imports, shown only on an interactive terminal and never
 * with --json (so piped output stays clean).
 */
export function progressBar(enabled: boolean): { update: (fraction: number, phase: string) => void; stop: () => void } {
  if (!enabled || !process.stderr.isTTY) return { update: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    { format: ' {phase} [{bar}] {percentage}%', stream: process.stderr, hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(fraction, phase) {
      if (!started) {
        bar.start(100, 0, { phase });
        started = true;
      }
      bar.update(Math.round(Math.min(1, Math.max(0, fraction)) * 100), { phase });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
