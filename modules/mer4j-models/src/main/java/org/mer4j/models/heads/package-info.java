/** Task heads the framework attaches to fusion models ({@link org.mer4j.models.heads.HeadSpec}, {@link org.mer4j.models.heads.TaskHeads}). */
package org.mer4j.models.heads;
