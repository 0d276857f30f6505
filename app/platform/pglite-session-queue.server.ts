import type { PGlite } from "@electric-sql/pglite";

type PendingMessage = {
  clientId: number;
  message: Uint8Array;
  onData: (chunk: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
};

const SYNC = "S".charCodeAt(0);
const SIMPLE_QUERY = "Q".charCodeAt(0);
const TERMINATE = "X".charCodeAt(0);
// Startup packets carry no type byte; their first byte is the high byte of a small length.
const STARTUP = 0;

/**
 * Feeds the wire-protocol messages of many socket clients into PGlite's single session.
 *
 * pglite-socket's own queue keeps a client's messages together only inside a transaction. An
 * extended query (Parse, Bind, Describe, Execute, then Sync) outside one is several messages too,
 * and another client's Parse between them replaces the unnamed statement ("unnamed prepared
 * statement does not exist"). This queue gives the session to one client from its first message
 * until its batch ends with Sync and no transaction is open.
 */
export class PgliteSessionQueue {
  readonly #database: PGlite;
  #pending: PendingMessage[] = [];
  #draining = false;
  #owner: number | null = null;

  constructor(database: PGlite) {
    this.#database = database;
  }

  enqueue(clientId: number, message: Uint8Array, onData: (chunk: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.#pending.push({ clientId, message, onData, resolve, reject });
      void this.#drain();
    });
  }

  clearQueueForHandler(clientId: number) {
    this.#pending = this.#pending.filter((pending) => {
      if (pending.clientId !== clientId) return true;
      pending.reject(new Error("The client disconnected"));
      return false;
    });
  }

  /** A client that disconnects mid-transaction must not leave the shared session inside it. */
  async clearTransactionIfNeeded(clientId: number) {
    if (this.#owner !== clientId) return;
    if (this.#database.isInTransaction()) await this.#database.exec("ROLLBACK");
    this.#owner = null;
    await this.#drain();
  }

  async #drain() {
    if (this.#draining) return;
    this.#draining = true;
    try {
      while (this.#pending.length > 0) {
        const index = this.#owner === null ? 0 : this.#pending.findIndex((pending) => pending.clientId === this.#owner);
        if (index === -1) return;
        const [next] = this.#pending.splice(index, 1) as [PendingMessage];
        let bytes = 0;
        try {
          await this.#database.runExclusive(() =>
            this.#database.execProtocolRawStream(next.message, {
              onRawData: (chunk) => {
                bytes += chunk.length;
                next.onData(chunk);
              },
            }),
          );
        } catch (error) {
          this.#owner = null;
          next.reject(error);
          continue;
        }
        this.#owner = this.#holdsSession(next.message) ? next.clientId : null;
        next.resolve(bytes);
      }
    } finally {
      this.#draining = false;
    }
  }

  #holdsSession(message: Uint8Array): boolean {
    if (this.#database.isInTransaction()) return true;
    const type = message[0];
    return type !== SYNC && type !== SIMPLE_QUERY && type !== TERMINATE && type !== STARTUP;
  }
}
