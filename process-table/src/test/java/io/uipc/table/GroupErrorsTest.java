package io.uipc.table;

import io.uipc.core.SendResult;
import io.uipc.core.UipcException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Misuse of a group gives a clear error naming what is wrong: full table, duplicate, too-long or unknown name. */
@Timeout(30)
class GroupErrorsTest extends OneGroupTest {
    GroupErrorsTest() {
        super("errors", 4, 8, 64);
    }

    @Test
    void fullTableIsAClearErrorAndFreesNothingItShouldNot() {
        final List<Member> members = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            members.add(joinOnOwnThread(JoinOptions.named("m" + i).secret(secret)));
        }
        final UipcException e = assertThrows(UipcException.class, () -> group.join(JoinOptions.named("m4").secret(secret)));
        assertTrue(e.getMessage().contains("is full: all 4 entries are taken"), e.getMessage());
        assertEquals(4, group.members().size(), "the failed join left no half-claimed entry");
        members.get(2).close();
        final Member again = group.join(JoinOptions.named("m4").secret(secret));
        assertEquals(members.get(2).slot(), again.slot(), "the freed entry is the only free one");
    }

    @Test
    void duplicateNameIsRefused() {
        final Member first = group.join(JoinOptions.named("lgwr").secret(secret));
        final UipcException e = assertThrows(UipcException.class, () -> group.join(JoinOptions.named("lgwr").secret(secret)));
        assertTrue(e.getMessage().contains("name 'lgwr' is already taken"), e.getMessage());
        assertEquals(1, group.members().size());
        first.close();
        group.join(JoinOptions.named("lgwr").secret(secret));
    }

    @Test
    void tooLongOrNonAsciiNameOrRoleIsRefusedBeforeTouchingTheTable() {
        final String sixtyFive = "n".repeat(MemberEntryDescriptor.MAX_NAME_LENGTH + 1);
        final IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class, () -> JoinOptions.named(sixtyFive));
        assertTrue(tooLong.getMessage().contains("is 65 characters; at most 64"), tooLong.getMessage());
        assertThrows(IllegalArgumentException.class, () -> JoinOptions.named("has space"));
        assertThrows(IllegalArgumentException.class, () -> JoinOptions.named("caf\u00e9"));
        assertThrows(IllegalArgumentException.class, () -> JoinOptions.named(""));
        assertThrows(IllegalArgumentException.class, () -> JoinOptions.named("x").role("r".repeat(17)));
        final Member longest = group.join(JoinOptions.named("n".repeat(64)).role("r".repeat(16)).secret(secret));
        assertEquals(longest.handle(), group.lookup("n".repeat(64)), "a 64-character name is stored and found whole");
        assertEquals(MemberHandle.NULL, group.lookup(sixtyFive), "a longer name is never found");
    }

    @Test
    void unknownNameOrUnacceptedVectorIsAClearError() {
        final Member receiver = group.join(JoinOptions.named("dbw0").secret(secret));
        receiver.accept(5);
        final Member sender = joinOnOwnThread(JoinOptions.named("fg-1").secret(secret));
        final UipcException unknown = assertThrows(UipcException.class, () -> group.resolve("dbw9", 5));
        assertTrue(unknown.getMessage().contains("no live member named 'dbw9'"), unknown.getMessage());
        final UipcException vector = assertThrows(UipcException.class, () -> group.resolve("dbw0", 6));
        assertTrue(vector.getMessage().contains("does not accept vector 6"), vector.getMessage());
        assertEquals(MemberHandle.NULL, group.lookup("dbw9"));
        assertEquals(ProcessGroup.NO_UITT_HANDLE, group.uittHandle(group.lookup("dbw0"), 6));
        assertEquals(SendResult.INVALID_ENTRY, sender.sendTo("dbw9", 5));
        assertEquals(SendResult.INVALID_ENTRY, sender.sendTo("dbw0", 6));
        assertEquals(0, receiver.receiver().poll(), "failed sends posted nothing");
        assertTrue(SendResult.isPosted(sender.sendTo("dbw0", 5)));
        assertEquals(1L << 5, receiver.receiver().poll());
    }

    @Test
    void groupNamesCreationAndAttachAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> GroupSpec.named("../etc"));
        final UipcException exists = assertThrows(UipcException.class, () -> ProcessGroup.create(spec("errors", 4, 8, 64)));
        assertTrue(exists.getMessage().contains("already exists"), exists.getMessage());
        final UipcException missing = assertThrows(UipcException.class, () -> ProcessGroup.attach(root.resolve("nope")));
        assertTrue(missing.getMessage().contains("no group at"), missing.getMessage());
    }

    @Test
    void dotDotAndOtherNonPlainNamesAreRefusedAtCreateAttachAndDestroy() throws Exception {
        for (final String bad : List.of(".", "..", ".hidden", "", "a/b", "a\0b")) {
            final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GroupSpec.named(bad));
            assertTrue(e.getMessage().startsWith("invalid group name '" + bad + "'"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> ProcessGroup.attach(bad));
        }
        final Path real = group.directory();
        Files.createDirectory(real.resolve("sub"));
        for (final Path alias : List.of(real.resolve("."), real.resolve("sub").resolve(".."))) {
            final String last = alias.getFileName().toString();
            final IllegalArgumentException attach = assertThrows(IllegalArgumentException.class, () -> ProcessGroup.attach(alias));
            assertTrue(attach.getMessage().startsWith("invalid group name '" + last + "'"), attach.getMessage());
            final IllegalArgumentException destroy = assertThrows(IllegalArgumentException.class,
                () -> ProcessGroup.destroy(alias, true));
            assertTrue(destroy.getMessage().startsWith("invalid group name '" + last + "'"), destroy.getMessage());
            assertTrue(Files.isRegularFile(real.resolve(GroupFileNames.TABLE)), "the group behind " + alias + " is untouched");
        }
    }

    @Test
    void aLeftMemberCannotAcceptAndItsHandlesAreStale() {
        final Member m = group.join(JoinOptions.named("gone").secret(secret));
        m.accept(1);
        final Target t = group.resolve("gone", 1);
        m.close();
        assertThrows(IllegalStateException.class, () -> m.accept(2));
        assertEquals(SendResult.STALE_ENTRY, t.send());
        assertEquals(MemberHandle.NULL, group.lookup("gone"));
    }
}
