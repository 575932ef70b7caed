import type { Socket } from 'node:net';
import { WebSocket } from 'ws';

export interface Delivery {
  envelopeId: string;
  type: 'events_api' | 'slash_commands' | 'interactive';
  payload: Record<string, unknown>;
  retryAttempt: number;
}

/** Why Slack tells a Socket Mode connection to go away (https://docs.slack.dev/apis/events-api/using-socket-mode). */
export type DisconnectReason = 'warning' | 'refresh_requested' | 'link_disabled';

interface Pending {
  delivery: Delivery;
  ws: WebSocket;
  resolve(payload: unknown): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/**
 * Slack's side of Socket Mode: the connections the app opened, envelopes sent over them and their acks, the
 * `disconnect` messages Slack sends, and the retry of events a cut connection left unacknowledged.
 */
export class SocketModeLink {
  readonly sockets = new Set<WebSocket>();
  /** Events to retry on the next connection, because the one they went out on closed before their ack. */
  readonly retries: Delivery[] = [];
  private readonly pending = new Map<string, Pending>();
  private roundRobin = 0;
  private cutNext: 'mid-frame' | 'before-ack' | null = null;

  constructor(
    private readonly options: {
      appId: string;
      ackTimeoutMs: number;
      /** Records and sends a retry (the emulator's `deliver`). */
      redeliver(delivery: Delivery): void;
    },
  ) {}

  accept(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on('close', () => this.onClose(ws));
    ws.on('message', (data) => this.onMessage(String(data)));
    // The hello message and its fields as @slack/socket-mode reads them (SocketModeClient.js, "hello").
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: this.sockets.size,
        debug_info: { host: 'emulator', build_number: 1, approximate_connection_time: 3600 },
        connection_info: { app_id: this.options.appId },
      }),
    );
    (ws as { helloSent?: boolean }).helloSent = true;
    for (const delivery of this.retries.splice(0)) this.options.redeliver(delivery);
  }

  get open(): WebSocket[] {
    return [...this.sockets].filter((ws) => ws.readyState === WebSocket.OPEN);
  }

  send(delivery: Delivery): Promise<unknown> {
    // Slack spreads deliveries over an app's open connections; so does this, in turn.
    const open = this.open;
    this.roundRobin += 1;
    const ws = open[this.roundRobin % Math.max(open.length, 1)];
    if (!ws) {
      this.retryLater(delivery);
      return Promise.reject(new Error('no Socket Mode connection'));
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(delivery.envelopeId);
        // An event not acknowledged in time is retried too (retry_reason "timeout"), on an open connection.
        this.retryLater(delivery);
        this.flushRetries();
        reject(new Error(`no ack for envelope ${delivery.envelopeId} within ${this.options.ackTimeoutMs} ms`));
      }, this.options.ackTimeoutMs);
      this.pending.set(delivery.envelopeId, { delivery, ws, resolve, reject, timer });
      // The envelope as @slack/socket-mode reads it (SocketModeClient.js onWebSocketMessage: envelope_id,
      // payload, accepts_response_payload, retry_attempt, retry_reason).
      const envelope = JSON.stringify({
        envelope_id: delivery.envelopeId,
        payload: delivery.payload,
        type: delivery.type,
        accepts_response_payload: delivery.type !== 'events_api',
        retry_attempt: delivery.retryAttempt,
        retry_reason: delivery.retryAttempt > 0 ? 'timeout' : '',
      });
      const cut = this.cutNext;
      this.cutNext = null;
      if (cut === 'mid-frame') return cutMidFrame(ws, envelope);
      ws.send(envelope);
      if (cut === 'before-ack') ws.terminate();
    });
  }

  /**
   * Sends Slack's `disconnect` message: `{ type: 'disconnect', reason, debug_info: { host } }`. "warning" comes
   * some seconds before Slack closes the connection; "refresh_requested" when Slack refreshes it; "link_disabled"
   * when Socket Mode was turned off for the app (https://docs.slack.dev/apis/events-api/using-socket-mode,
   * "Disconnect events"). @slack/socket-mode closes and reconnects on any of them (SocketModeClient.js,
   * `event.type === 'disconnect'`). Slack closes the connection itself after `closeAfterMs`.
   */
  disconnect(reason: DisconnectReason, closeAfterMs: number): void {
    for (const ws of this.open) {
      ws.send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'emulator' } }));
      setTimeout(() => ws.terminate(), closeAfterMs).unref();
    }
  }

  /**
   * Cuts the connection carrying the next envelope: `mid-frame`, half of its frame is on the wire when the
   * connection drops, so the app never reads it; `before-ack`, the app gets it whole but cannot ack it.
   */
  cutNextEnvelope(how: 'mid-frame' | 'before-ack'): void {
    this.cutNext = how;
  }

  close(): void {
    for (const ws of this.sockets) ws.terminate();
    for (const pending of this.pending.values()) {
      clearTimeout(pending.timer);
      pending.reject(new Error('the emulator stopped'));
    }
    this.pending.clear();
  }

  private onMessage(raw: string): void {
    let message: Record<string, unknown>;
    try {
      message = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return;
    }
    const id = message['envelope_id'];
    if (typeof id !== 'string') return;
    const pending = this.pending.get(id);
    if (!pending) return;
    this.pending.delete(id);
    clearTimeout(pending.timer);
    pending.resolve(message['payload'] ?? {});
  }

  /** A closed connection fails what it had not acked; its events are retried on the next connection. */
  private onClose(ws: WebSocket): void {
    this.sockets.delete(ws);
    for (const [id, pending] of this.pending) {
      if (pending.ws !== ws) continue;
      this.pending.delete(id);
      clearTimeout(pending.timer);
      this.retryLater(pending.delivery);
      pending.reject(new Error(`the connection closed before envelope ${id} was acknowledged`));
    }
    this.flushRetries();
  }

  /** Another connection still open takes the retries at once; otherwise they wait for the next hello. */
  private flushRetries(): void {
    if (this.open.length > 0) for (const delivery of this.retries.splice(0)) this.options.redeliver(delivery);
  }

  /**
   * Slack retries an event it could not deliver or that was not acknowledged in time, up to 3 times, with
   * `retry_attempt` counting them (https://docs.slack.dev/apis/events-api/#retries: "We'll retry failed
   * deliveries up to 3 times"); only events: a slash command or an interaction that was not answered in time
   * fails for the person instead. Slack spaces its retries out (the last after minutes); the emulator sends
   * each as soon as a connection can take it, which makes duplicates come sooner, never fewer.
   */
  private retryLater(delivery: Delivery): void {
    if (delivery.type !== 'events_api' || delivery.retryAttempt >= 3) return;
    this.retries.push({ ...delivery, envelopeId: crypto.randomUUID(), retryAttempt: delivery.retryAttempt + 1 });
  }
}

/**
 * Writes the first half of an unmasked text frame (RFC 6455, section 5.2: FIN + opcode 0x1, then a 7-, 16- or
 * 64-bit payload length) and drops the TCP connection, as a network cut in the middle of an envelope does.
 */
function cutMidFrame(ws: WebSocket, text: string): void {
  const data = Buffer.from(text);
  const length = data.length;
  const header =
    length < 126
      ? Buffer.from([0x81, length])
      : length < 65_536
        ? Buffer.from([0x81, 126, length >> 8, length & 0xff])
        : Buffer.concat([Buffer.from([0x81, 127]), bigEndian64(length)]);
  const socket = (ws as unknown as { _socket: Socket })._socket;
  socket.write(Buffer.concat([header, data.subarray(0, Math.floor(length / 2))]), () => socket.destroy());
}

function bigEndian64(n: number): Buffer {
  const out = Buffer.alloc(8);
  out.writeBigUInt64BE(BigInt(n));
  return out;
}
