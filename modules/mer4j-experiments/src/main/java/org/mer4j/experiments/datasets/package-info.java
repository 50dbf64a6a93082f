/** Dataset adapters: corpora in their distributed layout turned into manifests ({@code data.adapter}). */
package org.mer4j.experiments.datasets;
