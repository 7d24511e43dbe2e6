/**
 * The long connection's binary frame, `pbbp2.Frame`, encoded by hand from its field numbers (no protobuf
 * dependency). Field numbers and wire types are those of the official Node SDK's generated codec,
 * larksuite/node-sdk `ws-client/proto-buf/pbbp2.js` (`Frame.encode` / `Header.encode`), and of the Go SDK's
 * larksuite/oapi-sdk-go `ws/pbbp2.pb.go`:
 *
 *   message Header { required string key = 1; required string value = 2; }
 *   message Frame {
 *     required uint64 SeqID = 1;  required uint64 LogID = 2;  required int32 service = 3;  required int32 method = 4;
 *     repeated Header headers = 5;  optional string payload_encoding = 6;  optional string payload_type = 7;
 *     optional bytes payload = 8;  optional string LogIDNew = 9;
 *   }
 *
 * The SDK's decoder throws when a required field is missing, so SeqID, LogID, service and method are always
 * written, even when zero.
 */

/** `method` of a frame (larksuite/node-sdk `ws-client/enum.ts`, `FrameType`). */
export const FRAME_METHOD = { control: 0, data: 1 } as const;

export interface WsHeader {
  key: string;
  value: string;
}

export interface WsFrame {
  seqId: number;
  logId: number;
  service: number;
  method: number;
  headers: WsHeader[];
  payloadEncoding?: string;
  payloadType?: string;
  payload?: Uint8Array;
  logIdNew?: string;
}

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

class Writer {
  private readonly parts: number[] = [];

  varint(value: number | bigint) {
    // int32 negatives are sign-extended to 64 bits on the wire, as protobuf does.
    let v = BigInt.asUintN(64, BigInt(value));
    while (v > 0x7fn) {
      this.parts.push(Number(v & 0x7fn) | 0x80);
      v >>= 7n;
    }
    this.parts.push(Number(v));
  }

  tag(field: number, wireType: 0 | 2) {
    this.varint((field << 3) | wireType);
  }

  bytes(field: number, value: Uint8Array) {
    this.tag(field, 2);
    this.varint(value.length);
    for (const b of value) this.parts.push(b);
  }

  string(field: number, value: string) {
    this.bytes(field, utf8.encode(value));
  }

  finish(): Uint8Array {
    return Uint8Array.from(this.parts);
  }
}

class Reader {
  pos = 0;
  constructor(private readonly buf: Uint8Array) {}

  get done() {
    return this.pos >= this.buf.length;
  }

  varint(): bigint {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      if (this.pos >= this.buf.length) throw new Error('pbbp2: truncated varint');
      const b = this.buf[this.pos++]!;
      result |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) return result;
      shift += 7n;
      if (shift > 63n) throw new Error('pbbp2: varint too long');
    }
  }

  bytes(): Uint8Array {
    const len = Number(this.varint());
    if (this.pos + len > this.buf.length) throw new Error('pbbp2: truncated field');
    const out = this.buf.subarray(this.pos, this.pos + len);
    this.pos += len;
    return out;
  }

  skip(wireType: number) {
    if (wireType === 0) this.varint();
    else if (wireType === 2) this.bytes();
    else if (wireType === 1) this.pos += 8;
    else if (wireType === 5) this.pos += 4;
    else throw new Error(`pbbp2: unsupported wire type ${wireType}`);
  }
}

export function encodeFrame(frame: WsFrame): Uint8Array {
  const w = new Writer();
  w.tag(1, 0);
  w.varint(frame.seqId);
  w.tag(2, 0);
  w.varint(frame.logId);
  w.tag(3, 0);
  w.varint(frame.service);
  w.tag(4, 0);
  w.varint(frame.method);
  for (const h of frame.headers) {
    const hw = new Writer();
    hw.string(1, h.key);
    hw.string(2, h.value);
    w.bytes(5, hw.finish());
  }
  if (frame.payloadEncoding !== undefined) w.string(6, frame.payloadEncoding);
  if (frame.payloadType !== undefined) w.string(7, frame.payloadType);
  if (frame.payload !== undefined) w.bytes(8, frame.payload);
  if (frame.logIdNew !== undefined) w.string(9, frame.logIdNew);
  return w.finish();
}

export function decodeFrame(bytes: Uint8Array): WsFrame {
  const r = new Reader(bytes);
  const frame: Partial<WsFrame> & { headers: WsHeader[] } = { headers: [] };
  while (!r.done) {
    const tag = Number(r.varint());
    const field = tag >>> 3;
    const wireType = tag & 7;
    switch (field) {
      case 1:
        frame.seqId = Number(r.varint());
        break;
      case 2:
        frame.logId = Number(r.varint());
        break;
      case 3:
        frame.service = Number(BigInt.asIntN(32, r.varint()));
        break;
      case 4:
        frame.method = Number(BigInt.asIntN(32, r.varint()));
        break;
      case 5:
        frame.headers.push(decodeHeader(r.bytes()));
        break;
      case 6:
        frame.payloadEncoding = fromUtf8.decode(r.bytes());
        break;
      case 7:
        frame.payloadType = fromUtf8.decode(r.bytes());
        break;
      case 8:
        frame.payload = r.bytes().slice();
        break;
      case 9:
        frame.logIdNew = fromUtf8.decode(r.bytes());
        break;
      default:
        r.skip(wireType);
    }
  }
  for (const k of ['seqId', 'logId', 'service', 'method'] as const) if (frame[k] === undefined) throw new Error(`pbbp2: missing required '${k}'`);
  return frame as WsFrame;
}

function decodeHeader(bytes: Uint8Array): WsHeader {
  const r = new Reader(bytes);
  let key: string | undefined;
  let value: string | undefined;
  while (!r.done) {
    const tag = Number(r.varint());
    if (tag >>> 3 === 1) key = fromUtf8.decode(r.bytes());
    else if (tag >>> 3 === 2) value = fromUtf8.decode(r.bytes());
    else r.skip(tag & 7);
  }
  if (key === undefined || value === undefined) throw new Error('pbbp2: header without key or value');
  return { key, value };
}

export function headerOf(frame: WsFrame, key: string): string | undefined {
  return frame.headers.find((h) => h.key === key)?.value;
}
