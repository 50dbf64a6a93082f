/**
 * Ports of the pretrained face models of face-api.js (Vincent Mühler, 2018) as packaged by
 * {@code @vladmandic/face-api} 1.7.15 (MIT) to DJL: {@link org.mer4j.vision.faceapi.TinyFaceDetector}
 * (Tiny-YOLOv2 style, Redmon and Farhadi, "YOLO9000", CVPR 2017, on a MobileNet-style depthwise
 * separable backbone, Howard et al. 2017), {@link org.mer4j.vision.faceapi.Landmark68Net} (68 iBUG
 * points) and {@link org.mer4j.vision.faceapi.FaceExpressionNet} (7 expressions + 256-d embedding).
 * They read the package's tfjs weight manifests directly, installed by
 * {@code tools/mer4j models install} and located by {@link org.mer4j.vision.faceapi.FaceApiModels};
 * outputs match the package's own JavaScript within 1e-3 (see tools/bench/faces-exactness.sh).
 */
package org.mer4j.vision.faceapi;
