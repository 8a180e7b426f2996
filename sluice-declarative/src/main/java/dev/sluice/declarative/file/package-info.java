/**
 * File transfer: a stream's {@code file_uploader} downloads the file each record stands for into the run's staging
 * folder, and the record carries the file's reference to the protocol writer.
 */
@NullMarked
package dev.sluice.declarative.file;

import org.jspecify.annotations.NullMarked;
