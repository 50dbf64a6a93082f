/**
 * Media decoding on JavaCV/FFmpeg: {@link org.mer4j.media.MediaDecoder} makes one pass over a
 * clip and hands subsampled packed-BGR video frames and resampled mono float audio to a
 * {@link org.mer4j.media.MediaSink}; {@link org.mer4j.media.MediaProbe} reads stream facts and
 * {@link org.mer4j.media.FfmpegVersion} names the FFmpeg build for provenance.
 */
package org.mer4j.media;
