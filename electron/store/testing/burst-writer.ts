/**
 * A child process for the durability test: opens a data folder the way the app does and changes
 * claim statuses in concurrent bursts until it is killed. After each change is acknowledged it
 * prints `ack <seq> <hash>`, so the test knows which events were promised to be on disk.
 *
 *   node --import tsx electron/store/testing/burst-writer.ts DATA_DIR
 */
import { defaultSampleReportsDir, openAppContext } from '../../app-context';
import { VERDICTS } from '../../../shared/model/verdict';

const BURST = 10;

async function main(dataDir: string): Promise<void> {
  const context = await openAppContext({ dataDir, sampleReportsDir: defaultSampleReportsDir(), editor: 'Burst writer' });
  const load = await context.call('app:load', {});
  if (!load.ok) throw new Error(load.error);
  const [a, b] = load.value.reports;
  const compared = await context.call('compare:run', { a: a!.id, b: b!.id });
  if (!compared.ok) throw new Error(compared.error);
  const view = compared.value;
  const claimIds = [...view.a.claims, ...view.b.claims].map((claim) => claim.id);
  process.stdout.write(`ready ${claimIds.length}\n`);

  for (let change = 0; ; ) {
    const burst = Array.from({ length: BURST }, () => {
      const n = change++;
      return context.call('claims:setStatus', {
        claimIds: [claimIds[n % claimIds.length]!],
        status: VERDICTS[n % VERDICTS.length]!,
        note: `change ${n}`,
      });
    });
    for (const reply of await Promise.all(burst)) {
      if (!reply.ok) throw new Error(reply.error);
      const { seq } = reply.value[0]!;
      // Pipes are written synchronously on Linux: once this line is out, the ack is real.
      process.stdout.write(`ack ${seq} ${(await context.store.readEvents([seq]))[0]!.hash}\n`);
    }
  }
}

const dataDir = process.argv[2];
if (!dataDir) {
  process.stderr.write('usage: burst-writer.ts DATA_DIR\n');
  process.exit(2);
}
main(dataDir).catch((error: unknown) => {
  process.stderr.write(`burst-writer: ${(error as Error).message}\n`);
  process.exit(1);
});
