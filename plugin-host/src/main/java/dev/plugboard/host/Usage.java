package dev.plugboard.host;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/** CPU time and peak heap of one run, measured inside the host: the process's CPU time and the heap pools' peaks. */
final class Usage {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final List<MemoryPoolMXBean> HEAP = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).toList();

    private final long cpuAtStart;

    private Usage(long cpuAtStart) {
        this.cpuAtStart = cpuAtStart;
    }

    /** Resets the heap peaks to the current use, so the peak read at the end is this run's. */
    static Usage start() {
        HEAP.forEach(MemoryPoolMXBean::resetPeakUsage);
        return new Usage(OS.getProcessCpuTime());
    }

    long cpuNanos() {
        return Math.max(0, OS.getProcessCpuTime() - cpuAtStart);
    }

    long peakHeapBytes() {
        return HEAP.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }
}
