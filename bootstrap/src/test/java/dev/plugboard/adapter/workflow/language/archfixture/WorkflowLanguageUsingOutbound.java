package dev.plugboard.adapter.workflow.language.archfixture;

import dev.plugboard.adapter.outbound.GuardedOutboundHttp;

/** Breaks the rings: the workflow language adapter reaching the outbound HTTP adapter. */
public class WorkflowLanguageUsingOutbound {

    public Class<?> http() {
        return GuardedOutboundHttp.class;
    }
}
