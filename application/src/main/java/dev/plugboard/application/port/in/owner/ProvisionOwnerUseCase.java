package dev.plugboard.application.port.in.owner;

import dev.plugboard.application.port.in.Caller;

/** Users and organizations are provisioned the first time they are seen: the caller, and the organization it acts for. */
public interface ProvisionOwnerUseCase {

    void provision(Caller caller);
}
