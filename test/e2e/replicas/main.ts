/** Replica page entry: the site id comes from the page (served per origin by the test), the replica mounts. */
import { conversationFor, mountConversation } from './conversation';
import { initRecords, markReady } from './record';
import { REPLICAS } from './sites';

const id = document.documentElement.dataset.replica ?? '';
const setup = REPLICAS[id];
if (!setup) throw new Error(`no replica for ${id}`);
const replica = setup();
mountConversation(conversationFor(id, Object.keys(REPLICAS).indexOf(id)));
initRecords(replica.clear);
const wait = () => {
  if (document.querySelector(replica.composer)) markReady();
  else requestAnimationFrame(wait);
};
wait();
