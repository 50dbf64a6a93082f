package org.mer4j.models.fusion;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

/** Finds a block's parameter by its path without DJL's child-order prefixes ({@code 01videoSubnet_01projection_weight}). */
final class ParameterLookup {
    private ParameterLookup() {
    }

    /** The value of the parameter at {@code path}, e.g. {@code videoSubnet_projection_weight}. */
    static NDArray get(Block block, String path) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getKey().replaceAll("(^|_)\\d{2}", "$1").equals(path)) {
                return p.getValue().getArray();
            }
        }
        throw new AssertionError("no parameter " + path + " among " + block.getParameters().keys());
    }
}
