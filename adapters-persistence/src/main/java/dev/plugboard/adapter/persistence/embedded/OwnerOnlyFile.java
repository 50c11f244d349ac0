package dev.plugboard.adapter.persistence.embedded;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;

/**
 * Writes a file readable by its owner only, through a temporary file that is on disk before it is
 * renamed into place: a crash leaves the old file or the new one whole, never a half-written one.
 */
final class OwnerOnlyFile {

    private OwnerOnlyFile() {
    }

    /**
     * @param replace whether an existing {@code target} is replaced; without, another process that
     *                wrote it first wins and this write fails
     */
    static void write(Path target, Path temporary, String text, boolean replace) throws IOException {
        Files.deleteIfExists(temporary); // left by a crash before the rename
        try (FileChannel channel = FileChannel.open(temporary, EnumSet.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), ownerOnly(target.getParent()))) {
            channel.write(StandardCharsets.UTF_8.encode(text));
            channel.force(true);
        }
        CopyOption[] options = replace
                ? new CopyOption[] {StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING}
                : new CopyOption[] {StandardCopyOption.ATOMIC_MOVE};
        Files.move(temporary, target, options);
    }

    private static FileAttribute<?>[] ownerOnly(Path folder) {
        boolean posix = folder.getFileSystem().supportedFileAttributeViews().contains("posix");
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE))} : new FileAttribute<?>[0];
    }
}
