package io.redisarrow.cli;

import io.redisarrow.arrow.RecordBatch;
import io.redisarrow.core.ScanCheckpoint;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.concurrent.CancellationException;

/**
 * Writes a resumable export: each batch's bytes to the output file, then, once they are in the
 * file, the batch's checkpoint and the file's length to the checkpoint file
 * ({@link ExportCheckpoint}), so the checkpoint never claims rows the file lacks.
 *
 * <p>The formats it takes (NDJSON, CSV) encode one buffer per batch, in order, CSV after one header
 * buffer: {@link #tag} notes each batch's checkpoint as it goes into the encoder, {@link #write}
 * pairs it with the batch's buffer. The header goes into the file once: a resumed CSV export skips
 * the header it encodes again, unless the file it resumes is still empty.
 *
 * <p>The checkpoint of a batch that reaches {@code --limit} is not saved: the limit may have cut
 * the batch, and its scan position counts the keys cut off too. The checkpoint before it stays, and
 * a resume cuts the batch's bytes off and reads it again.
 *
 * <p>{@link #close()} waits for a batch being written and refuses later ones, so that an
 * interrupted export stops between two batches.
 */
final class CheckpointedOutput {

    private final Output output;

    private final Path file;

    private final long limit;

    private final ArrayDeque<ScanCheckpoint> pending = new ArrayDeque<>();

    private ExportCheckpoint saved;

    private boolean headerExpected;

    private long savedRows;

    private boolean closed;

    /**
     * Starts a resumable export, saving where it starts.
     *
     * @param output the output, opened {@link Output#inPlace in place}
     * @param file the checkpoint file
     * @param start where the export starts: the resumed checkpoint, or a new one at 0 bytes
     * @param limit the most rows in all, {@code 0} for all
     */
    CheckpointedOutput(Output output, Path file, ExportCheckpoint start, long limit) {
        this.output = output;
        this.file = file;
        this.limit = limit;
        this.saved = start;
        this.savedRows = start.scan() == null ? 0 : start.scan().rows();
        this.headerExpected = start.format() == OutputFormat.CSV;
        start.save(file);
    }

    /**
     * @param batch a batch going into the encoder
     * @throws IllegalStateException when the batch has no checkpoint (not a scan's)
     */
    synchronized void tag(RecordBatch batch) {
        ScanCheckpoint at = batch.checkpoint();
        if (at == null) {
            throw new IllegalStateException("a resumable export needs a scan's batches, which carry checkpoints");
        }
        pending.add(at);
    }

    /**
     * Writes one buffer of the encoder: the header, or the next batch's rows, then saves the
     * checkpoint.
     *
     * @param buffer the bytes
     * @throws CancellationException after {@link #close()}
     */
    synchronized void write(ByteBuffer buffer) {
        if (closed) {
            throw new CancellationException("the export was stopped");
        }
        if (headerExpected) {
            headerExpected = false;
            if (saved.bytes() == 0) {
                output.write(buffer);
                save(null);
            }
            return;
        }
        ScanCheckpoint at = pending.poll();
        if (at == null) {
            throw new IllegalStateException("the encoder wrote more buffers than it was given batches");
        }
        output.write(buffer);
        if (limit > 0 && at.rows() >= limit) {
            return;
        }
        save(at);
    }

    private void save(ScanCheckpoint at) {
        saved = saved.at(output.position(), at);
        if (at != null) {
            savedRows = at.rows();
        }
        saved.save(file);
    }

    /** @return the rows of every run up to the last checkpoint saved */
    synchronized long savedRows() {
        return savedRows;
    }

    /** Waits for the batch being written, if any, and refuses every later one. */
    synchronized void close() {
        closed = true;
    }
}
