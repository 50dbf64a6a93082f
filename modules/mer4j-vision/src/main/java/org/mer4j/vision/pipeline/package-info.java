/**
 * The face pipeline behind the {@code face-*} extractors: detection every k frames (face-api's tiny
 * face detector, or the OpenCV Haar cascade of Viola and Jones 2001 as the fallback), tracking in
 * between (landmark propagation or pyramidal Lucas-Kanade optical flow on Shi-Tomasi corners),
 * main-face selection, least-squares similarity alignment (Umeyama 1991) to a canonical crop,
 * FACS-inspired geometric action-unit proxies (Ekman and Friesen 1978) and head pose by
 * perspective-n-point against a generic 3-D face. Frames are never kept: only the previous small
 * gray image and the last box and landmarks.
 */
package org.mer4j.vision.pipeline;
