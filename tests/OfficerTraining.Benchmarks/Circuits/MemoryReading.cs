using System.Net.Http.Json;
using OfficerTraining.Shared;

namespace OfficerTraining.Benchmarks.Circuits;

/// <summary>What the app's bench-only <c>/_bench/memory</c> (mapped when Benchmarks:Diagnostics is true) returns after a
/// full compacting GC.</summary>
public sealed record MemoryReading(long HeapSizeBytes, long TotalMemoryBytes, long WorkingSetBytes, int Gen2Collections, bool ServerGc)
{
    public static async Task<MemoryReading> Of(AppProcess app, HttpClient http) =>
        (await http.GetFromJsonAsync<MemoryReading>(new Uri(app.BaseUri, "_bench/memory")))!;
}
