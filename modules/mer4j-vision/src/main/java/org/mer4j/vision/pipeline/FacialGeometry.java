package org.mer4j.vision.pipeline;

import java.util.List;

/**
 * Geometric proxies of facial action units (FACS: Ekman and Friesen, "Facial Action Coding System",
 * 1978) from 68 landmarks in aligned-crop coordinates (rotation already removed), each divided by
 * the inter-ocular distance (between the eye centres) so they do not depend on face size:
 * <ul>
 *   <li>{@code mouth_open}: mean gap between the inner lips (62-66, 61-67, 63-65) — AU25 lips part / AU26 jaw drop;</li>
 *   <li>{@code mouth_width}: distance between the mouth corners 48-54 — AU20 lip stretcher (and AU12);</li>
 *   <li>{@code lip_corner_pull}: height of the mouth corners above the upper-lip centre 51 — AU12 lip corner puller;</li>
 *   <li>{@code inner_brow_raise}: height of the inner brow ends 21, 22 above the eye-corner line — AU1;</li>
 *   <li>{@code outer_brow_raise}: height of the outer brow ends 17, 26 above the eye-corner line — AU2;</li>
 *   <li>{@code eye_open_r}, {@code eye_open_l}: mean lid gap of each eye (37-41, 38-40 / 43-47, 44-46) — AU5 upper lid raiser (up), AU7 lid tightener (down).</li>
 * </ul>
 * Proxies, not AU intensities: they move in the direction of the action unit but also with
 * identity and speech.
 */
public final class FacialGeometry {
    /** Column names of {@link #actionUnitProxies}. */
    public static final List<String> AU_NAMES = List.of("mouth_open", "mouth_width", "lip_corner_pull", "inner_brow_raise",
            "outer_brow_raise", "eye_open_r", "eye_open_l");

    private FacialGeometry() {
    }

    /** Inter-ocular distance: between the means of points 36-41 and 42-47. */
    public static double interOcular(double[] xy) {
        double rx = 0;
        double ry = 0;
        double lx = 0;
        double ly = 0;
        for (int i = 0; i < 6; i++) {
            rx += xy[2 * (36 + i)] / 6;
            ry += xy[2 * (36 + i) + 1] / 6;
            lx += xy[2 * (42 + i)] / 6;
            ly += xy[2 * (42 + i) + 1] / 6;
        }
        return Math.hypot(lx - rx, ly - ry);
    }

    /** Writes the {@link #AU_NAMES} values for aligned landmarks {@code xy} (136 values) into {@code out} from {@code offset}. */
    public static void actionUnitProxies(double[] xy, float[] out, int offset) {
        double iod = Math.max(1e-6, interOcular(xy));
        double mouthOpen = (dist(xy, 62, 66) + dist(xy, 61, 67) + dist(xy, 63, 65)) / 3;
        double width = dist(xy, 48, 54);
        double corners = (y(xy, 48) + y(xy, 54)) / 2;
        double pull = y(xy, 51) - corners;
        double eyeLineR = (y(xy, 36) + y(xy, 39)) / 2;
        double eyeLineL = (y(xy, 42) + y(xy, 45)) / 2;
        double inner = ((eyeLineR - y(xy, 21)) + (eyeLineL - y(xy, 22))) / 2;
        double outer = ((eyeLineR - y(xy, 17)) + (eyeLineL - y(xy, 26))) / 2;
        double eyeR = (dist(xy, 37, 41) + dist(xy, 38, 40)) / 2;
        double eyeL = (dist(xy, 43, 47) + dist(xy, 44, 46)) / 2;
        double[] v = {mouthOpen, width, pull, inner, outer, eyeR, eyeL};
        for (int i = 0; i < v.length; i++) {
            out[offset + i] = (float) (v[i] / iod);
        }
    }

    private static double y(double[] xy, int i) {
        return xy[2 * i + 1];
    }

    private static double dist(double[] xy, int i, int j) {
        return Math.hypot(xy[2 * i] - xy[2 * j], xy[2 * i + 1] - xy[2 * j + 1]);
    }
}
