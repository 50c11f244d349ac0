package dev.plugboard.adapter.cli.workflows;

import dev.plugboard.adapter.cli.support.CliCommand;
import dev.plugboard.adapter.cli.support.OwnerOptions;
import dev.plugboard.application.port.in.workflow.WorkflowActor;
import dev.plugboard.domain.owner.Owner;
import picocli.CommandLine.ArgGroup;

import java.util.Optional;

/**
 * Base of the workflow commands: the owner, {@code --user} or {@code --org}. The operator at the
 * terminal administers the database, so they act as an administrator of an organization, who may
 * manage its workflows and sees its department workflows too.
 */
abstract class WorkflowCommand extends CliCommand {

    @ArgGroup(exclusive = true, multiplicity = "1")
    private OwnerOptions owner;

    protected WorkflowActor actor() {
        return new WorkflowActor(owner.caller(Optional.empty()), true, Optional.empty());
    }

    protected Owner owner() {
        return owner.owner();
    }

    /** The owner options to repeat in a hint, such as {@code --user alice}. */
    protected String ownerFlags() {
        Owner whose = owner.owner();
        return (whose.kind() == Owner.Kind.ORGANIZATION ? "--org " : "--user ") + whose.id();
    }
}
