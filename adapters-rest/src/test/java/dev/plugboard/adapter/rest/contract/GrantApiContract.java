package dev.plugboard.adapter.rest.contract;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Role grants over REST: an administrator grants and revokes Plugboard's roles; a grant counts from
 * the subject's next request, a revoke too; both are audited; bad input is a problem naming the value.
 */
public abstract class GrantApiContract extends ApiContract {

    private static final String GRANTS = "/api/admin/grants";
    private static final String CLAIM = "/api/worker/runs/claim";
    private static final String CLAIM_BODY = "{\"plugins\": [\"" + ContractPlugins.NOTES + "\"], \"max\": 1, \"leaseSeconds\": 30}";

    private final Who admin = Who.newAdmin();

    private static String grant(String subject, String role) {
        return "{\"subject\": \"" + subject + "\", \"role\": \"" + role + "\"}";
    }

    @Test
    void givenGrantedWorkerRole_theSubjectMayClaimUntilItIsRevoked() {
        Who bob = Who.newUser("bob");
        problem(api().post(CLAIM, bob, CLAIM_BODY), 403);

        JsonNode granted = ok(api().post(GRANTS, admin, grant(bob.user(), "worker")), 201);

        assertThat(granted.path("subject").asText()).isEqualTo(bob.user());
        assertThat(granted.path("role").asText()).isEqualTo("worker");
        assertThat(granted.path("grantedBy").asText()).isEqualTo("user:" + admin.user());
        assertThat(granted.path("grantedAt").asText()).isNotBlank();
        ok(api().post(CLAIM, bob, CLAIM_BODY), 200);

        assertThat(api().send("DELETE", GRANTS + "/" + bob.user() + "/worker", admin, null, Map.of()).status()).isEqualTo(204);
        problem(api().post(CLAIM, bob, CLAIM_BODY), 403);
    }

    @Test
    void givenRoleAlreadyGranted_grantAgain_is200AndListedOnce() {
        Who carol = Who.newUser("carol");
        ok(api().post(GRANTS, admin, grant(carol.user(), "admin")), 201);

        ok(api().post(GRANTS, admin, grant(carol.user(), "admin")), 200);

        JsonNode list = ok(api().get(GRANTS + "?subject=" + carol.user(), admin), 200);
        assertThat(list.path("items")).hasSize(1);
        assertThat(list.path("items").get(0).path("role").asText()).isEqualTo("admin");
        ok(api().get("/api/admin/audit", carol), 200);
    }

    @Test
    void givenGrantAndRevoke_bothAreInTheAuditTrail() {
        Who dave = Who.newUser("dave");
        ok(api().post(GRANTS, admin, grant(dave.user(), "worker")), 201);
        api().send("DELETE", GRANTS + "/" + dave.user() + "/worker", admin, null, Map.of());

        JsonNode entries = ok(api().get("/api/admin/audit?target=subject:" + dave.user(), admin), 200).path("items");

        assertThat(entries).extracting(entry -> entry.path("action").asText()).containsExactly("role_revoked", "role_granted");
        assertThat(entries.get(1).path("actor").asText()).isEqualTo("user:" + admin.user());
    }

    @Test
    void givenBadInput_grantsAnswerProblemsNamingTheValue() {
        JsonNode badRole = problem(api().post(GRANTS, admin, grant("erin", "root")), 400);
        assertThat(badRole.path("detail").asText()).contains("'root'", "admin, worker");

        JsonNode badSubject = problem(api().post(GRANTS, admin, grant("er in", "admin")), 400);
        assertThat(badSubject.path("detail").asText()).contains("'er in'");

        JsonNode noSubject = problem(api().post(GRANTS, admin, "{\"role\": \"admin\"}"), 400);
        assertThat(noSubject.path("detail").asText()).contains("subject");

        JsonNode notGranted = problem(api().send("DELETE", GRANTS + "/" + Who.unique("frank") + "/admin", admin, null,
                Map.of()), 404);
        assertThat(notGranted.path("code").asText()).isEqualTo("role_grant_not_found");
    }

    @Test
    void givenNonAdmin_grantsAreForbidden() {
        Who mallory = Who.newUser("mallory");

        problem(api().post(GRANTS, mallory, grant(mallory.user(), "admin")), 403);
        problem(api().get(GRANTS, mallory), 403);
        problem(api().get(GRANTS, Who.anonymous()), 401);
    }
}
