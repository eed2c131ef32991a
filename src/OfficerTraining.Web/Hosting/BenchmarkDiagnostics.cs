using System.Diagnostics;
using System.Runtime;

namespace OfficerTraining.Web.Hosting;

/// <summary>
/// For the circuits benchmark only, and mapped only when <c>Benchmarks:Diagnostics</c> is true (never in normal runs):
/// <c>GET /_bench/memory</c> forces a full blocking compacting collection and returns the managed heap and the process's
/// working set, so memory per circuit is read after a full GC, when the circuits' long-lived objects are all in gen 2.
/// </summary>
public static class BenchmarkDiagnostics
{
    public static void MapBenchmarkDiagnostics(this WebApplication app)
    {
        if (!app.Configuration.GetValue("Benchmarks:Diagnostics", false)) return;
        app.MapGet("/_bench/memory", () =>
        {
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            using var process = Process.GetCurrentProcess();
            return Results.Json(new MemoryReading(GC.GetGCMemoryInfo().HeapSizeBytes, GC.GetTotalMemory(false),
                process.WorkingSet64, GC.CollectionCount(2), GCSettings.IsServerGC));
        }).AllowAnonymous();
    }

    public sealed record MemoryReading(long HeapSizeBytes, long TotalMemoryBytes, long WorkingSetBytes, int Gen2Collections, bool ServerGc);
}
