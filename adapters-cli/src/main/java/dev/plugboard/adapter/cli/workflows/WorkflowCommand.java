package dev.plugboard.adapter.cli.workflows;

import dev.plugboard.adapter.cli.support.CliCommand;
import dev.plugboard.adapter.cli.support.OwnerOptions;
import dev.plugboard.application.port.in.workflow.WorkflowActor;
import dev.plugboard.domain.owner.Owner;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

import java.util.Optional;

/**
 * Base of the workflow commands: the owner ({@code --user} or {@code --org}) and the department the
 * operator acts in. The operator at the terminal administers the database, so they act as an
 * administrator of an organization, which may manage its workflows.
 */
abstract class WorkflowCommand extends CliCommand {

    @ArgGroup(exclusive = true, multiplicity = "1")
    private OwnerOptions owner;

    @Option(names = "--department", paramLabel = "DEPT",
            description = "Act as a member of this department, to see its DEPARTMENT workflows.")
    private String department;

    protected WorkflowActor actor() {
        return new WorkflowActor(owner.caller(Optional.empty()), true, Optional.ofNullable(department));
    }

    protected Owner owner() {
        return owner.owner();
    }

    /** The owner options to repeat in a hint, such as {@code --user alice}. */
    protected String ownerFlags() {
        Owner whose = owner.owner();
        return (whose.kind() == Owner.Kind.ORGANIZATION ? "--org " : "--user ") + whose.id()
                + (department == null ? "" : " --department " + department);
    }
}
