/**
 * Face model interfaces shared by the detector, landmark and expression implementations
 * (face-api ports on DJL, Haar fallback) and the tracking/alignment pipeline.
 */
package org.mer4j.vision.face;
