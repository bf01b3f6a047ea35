export {
  createMllpDecoder,
  DEFAULT_MAX_FRAME_BYTES,
  type DecodeResult,
  type Frame,
  type MllpDecoder,
} from './decoder';
export { encodeFrame, START_BLOCK, END_BLOCK, CARRIAGE_RETURN } from './frame-bytes';
export { type FrameError, type FrameErrorCode } from './frame-error';
export {
  createMllpServer,
  type ConnectionMeta,
  type ConnectionProblem,
  type ConnectionStats,
  type MessageMeta,
  type MllpServer,
  type MllpServerOptions,
} from './server';
export { mllpClient, MllpClientError, type MllpClient, type MllpClientOptions } from './client';
