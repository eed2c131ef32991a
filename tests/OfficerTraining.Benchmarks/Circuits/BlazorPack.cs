using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace OfficerTraining.Benchmarks.Circuits;

/// <summary>
/// Blazor Server's hub protocol, "blazorpack" version 2: SignalR's MessagePack hub protocol under Blazor's name (the
/// browser's client does the same: a MessagePackHubProtocol with <c>name = 'blazorpack'</c>). Only the name differs, so
/// everything else is delegated.
/// </summary>
public sealed class BlazorPack : IHubProtocol
{
    readonly MessagePackHubProtocol _inner = new();

    public string Name => "blazorpack";
    public int Version => 2;
    public TransferFormat TransferFormat => TransferFormat.Binary;

    public bool IsVersionSupported(int version) => version <= Version;

    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message) =>
        _inner.TryParseMessage(ref input, binder, out message);

    public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => _inner.WriteMessage(message, output);

    public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => _inner.GetMessageBytes(message);
}
