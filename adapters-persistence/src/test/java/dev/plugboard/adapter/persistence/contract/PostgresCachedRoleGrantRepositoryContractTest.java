package dev.plugboard.adapter.persistence.contract;

import dev.plugboard.adapter.persistence.jdbc.CachedRoleGrantRepository;
import dev.plugboard.adapter.persistence.jdbc.GrantNotifications;
import dev.plugboard.adapter.persistence.jdbc.JdbcRoleGrantRepository;
import dev.plugboard.adapter.persistence.jdbc.Sql;
import dev.plugboard.adapter.persistence.support.PostgresDatabase;
import dev.plugboard.application.port.out.RoleGrantRepository;
import dev.plugboard.application.port.out.contract.RoleGrantRepositoryContract;
import dev.plugboard.domain.access.Role;
import dev.plugboard.domain.access.RoleGrant;
import dev.plugboard.domain.audit.Actor;
import io.micronaut.core.type.Argument;
import io.micronaut.jdbc.BasicJdbcConfiguration;
import io.micronaut.transaction.TransactionOperations;
import dev.plugboard.application.fixtures.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The role-grant cache on PostgreSQL: it keeps the RoleGrantRepository contract, serves a known
 * subject's grants without reading the table again, and drops them when another instance's grant or
 * revoke is notified (its time limit is ten minutes here, so nothing else could).
 */
class PostgresCachedRoleGrantRepositoryContractTest extends RoleGrantRepositoryContract {

    @RegisterExtension
    static final PostgresDatabase DB = new PostgresDatabase();

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final List<GrantNotifications> listeners = new ArrayList<>();

    @Override
    protected RoleGrantRepository newRepository() {
        DB.truncateAll();
        return cached();
    }

    @AfterEach
    void stopListening() {
        listeners.forEach(GrantNotifications::close);
    }

    private CachedRoleGrantRepository cached() {
        GrantNotifications notifications = new GrantNotifications(DB.bean(BasicJdbcConfiguration.class));
        listeners.add(notifications);
        return new CachedRoleGrantRepository(DB.bean(JdbcRoleGrantRepository.class), DB.bean(Sql.class),
                DB.context().getBean(Argument.of(TransactionOperations.class, Connection.class)), notifications, Duration.ofMinutes(10), true);
    }

    @Test
    void givenASubjectsGrantsWereRead_whenTheRowGoesBehindThePlugboardsBack_thenTheCopyIsServed_untilANotification() {
        grants.add(new RoleGrant("carol", Role.ADMIN, Actor.operator("root"), Instant.now()));
        assertThat(grants.findBySubject("carol")).hasSize(1);
        Eventually.converges("it listens", PATIENCE, this::allListening);
        assertThat(grants.findBySubject("carol")).hasSize(1);

        DB.execute("DELETE FROM role_grants WHERE subject = 'carol'");

        assertThat(grants.findBySubject("carol")).as("no query: the copy").hasSize(1);
        DB.execute("SELECT pg_notify('" + GrantNotifications.CHANNEL + "', '')");
        Eventually.converges("the notification drops the copy", PATIENCE, () -> grants.findBySubject("carol").isEmpty());
    }

    @Test
    void givenTwoInstancesKnowASubject_whenOneRevokes_thenItSeesItAtOnce_andTheOtherByNotification() {
        CachedRoleGrantRepository other = cached();
        grants.add(new RoleGrant("dave", Role.ADMIN, Actor.operator("root"), Instant.now()));
        assertThat(grants.findBySubject("dave")).hasSize(1);
        assertThat(other.findBySubject("dave")).hasSize(1);
        Eventually.converges("both listen", PATIENCE, this::allListening);
        assertThat(other.findBySubject("dave")).hasSize(1);

        assertThat(grants.remove("dave", Role.ADMIN)).isTrue();

        assertThat(grants.findBySubject("dave")).as("the revoking instance, at once").isEmpty();
        Eventually.converges("the other instance sees the revoke", PATIENCE, () -> other.findBySubject("dave").isEmpty());
    }

    private boolean allListening() {
        return listeners.stream().allMatch(GrantNotifications::listening);
    }
}
