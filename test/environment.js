// Jest runs the files in one process (--runInBand): a handle a file leaves open and referenced (a
// Node server, a socket, a child process) keeps the process from exiting after the last file, and
// the run hangs with nothing to say which file did it. After each file's own afterAll hooks, this
// environment waits (bounded) for the handles the file opened to close, and fails the file that
// left one, naming them.
const { TestEnvironment } = require('jest-environment-node');

/** Whether `h` keeps the event loop alive (unreferenced handles do not). */
function referenced(h) {
  if (typeof h.hasRef === 'function') return h.hasRef();
  if (h._handle && typeof h._handle.hasRef === 'function') return h._handle.hasRef();
  return true;
}

function describeHandle(h) {
  const parts = [h.constructor?.name ?? 'handle'];
  try {
    if (typeof h.localPort === 'number') parts.push(`local port ${h.localPort}`);
    if (typeof h.remotePort === 'number') parts.push(`remote port ${h.remotePort}`);
    if (typeof h.pid === 'number') parts.push(`pid ${h.pid} (${h.spawnargs?.join(' ')})`);
    if (typeof h.address === 'function' && h.localPort === undefined) parts.push(JSON.stringify(h.address()));
  } catch {
    // A closing handle may throw from address(); its class name is enough.
  }
  return parts.join(' ');
}

class LeakCheckingEnvironment extends TestEnvironment {
  async setup() {
    await super.setup();
    this.handlesBefore = new Set(process._getActiveHandles());
  }

  async teardown() {
    const leaked = () => process._getActiveHandles().filter((h) => !this.handlesBefore.has(h) && referenced(h));
    // Sockets and servers close some turns of the loop after close(); a loaded machine takes longer.
    const end = Date.now() + 10000;
    let open = leaked();
    while (open.length > 0 && Date.now() < end) {
      await new Promise((r) => setTimeout(r, 50));
      open = leaked();
    }
    await super.teardown();
    if (open.length > 0) {
      // Reported here; unreferenced so that the run can still end.
      for (const h of open) h.unref?.();
      throw new Error(`this file left ${open.length} handle(s) open: ${open.map(describeHandle).join('; ')}`);
    }
  }
}

module.exports = LeakCheckingEnvironment;
