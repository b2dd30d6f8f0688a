/** Replica page entry: the site id comes from the page (served per origin by the test), the replica mounts. */
import { initRecords, markReady } from './record';
import { REPLICAS } from './sites';

const id = document.documentElement.dataset.replica ?? '';
const setup = REPLICAS[id];
if (!setup) throw new Error(`no replica for ${id}`);
const replica = setup();
initRecords(replica.clear);
const wait = () => {
  if (document.querySelector(replica.composer)) markReady();
  else requestAnimationFrame(wait);
};
wait();
