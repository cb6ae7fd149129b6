using Microsoft.Extensions.Logging;
using OrpheusLive.Core.Pipeline.State;
using Tmds.DBus.Protocol;

namespace OrpheusLive.Mpris;

/// <summary>
/// The object at <c>/org/mpris/MediaPlayer2</c>: answers the two MPRIS interfaces and
/// <c>org.freedesktop.DBus.Properties</c> from the latest pipeline state, announces changes with
/// <c>PropertiesChanged</c>, and turns transport commands into <see cref="IPipelineControl"/> calls. Commands run
/// one after another in arrival order, each replied to once the pipeline has carried it out, without holding up the
/// connection (property reads keep being answered meanwhile).
/// </summary>
internal sealed class MprisObject : IPathMethodHandler
{
    private static readonly ReadOnlyMemory<byte>[] Interfaces =
        [IntrospectionXml.DBusProperties, IntrospectionXml.DBusIntrospectable, MprisIntrospection.Root, MprisIntrospection.Player];

    private readonly IPipelineControl _control;
    private readonly ILogger _logger;
    private readonly CancellationToken _stopping;
    private readonly Lock _stateLock = new();
    private readonly Lock _queueLock = new();
    private MprisSnapshot _snapshot = MprisSnapshot.Initial;
    private DBusConnection? _connection;
    private Task _commands = Task.CompletedTask;

    public MprisObject(IPipelineControl control, ILogger logger, CancellationToken stopping)
    {
        _control = control;
        _logger = logger;
        _stopping = stopping;
    }

    /// <inheritdoc />
    public string Path => MprisNames.ObjectPath;

    /// <inheritdoc />
    public bool HandlesChildPaths => false;

    /// <summary>The values the properties have now.</summary>
    public MprisSnapshot Snapshot => Volatile.Read(ref _snapshot);

    /// <summary>Where <c>PropertiesChanged</c> goes; until set, changes are only remembered.</summary>
    public void Attach(DBusConnection connection) => _connection = connection;

    /// <summary>
    /// Takes a new pipeline state: remembers its property values and announces the ones that changed. Never throws:
    /// it runs inside the pipeline's state publication, which a media-key adapter must not disturb.
    /// </summary>
    public void OnState(PipelineState state)
    {
        lock (_stateLock)
        {
            var before = _snapshot;
            var after = MprisSnapshot.From(state, before);
            if (after == before)
            {
                return;
            }

            Volatile.Write(ref _snapshot, after);
            var changed = MprisProperties.Changed(before, after);
            if (changed.Count == 0 || _connection is not { } connection)
            {
                return;
            }

            try
            {
                // Under the lock, so signals leave in the order of the states.
                EmitPropertiesChanged(connection, changed);
            }
            catch (Exception ex)
            {
                _logger.LogDebug("Could not announce the MPRIS property change: {Error}", ex.Message);
            }
        }
    }

    /// <inheritdoc />
    public ValueTask HandleMethodAsync(MethodContext context)
    {
        if (context.IsDBusIntrospectRequest)
        {
            context.ReplyIntrospectXml(Interfaces, ReadOnlySpan<string>.Empty);
            return ValueTask.CompletedTask;
        }

        var request = context.Request;
        switch (request.InterfaceAsString)
        {
            case MprisNames.PropertiesInterface:
                HandleProperties(context);
                break;
            case MprisNames.PlayerInterface:
                HandlePlayer(context, request.MemberAsString);
                break;
            case MprisNames.RootInterface:
                HandleRoot(context, request.MemberAsString);
                break;
            case null when request.MemberAsString is "Raise" or "Quit":
                HandleRoot(context, request.MemberAsString);
                break;
            case null:
                HandlePlayer(context, request.MemberAsString);
                break;
            default:
                context.ReplyUnknownMethodError();
                break;
        }

        return ValueTask.CompletedTask;
    }

    private static void EmitPropertiesChanged(DBusConnection connection, List<KeyValuePair<string, VariantValue>> changed)
    {
        using var writer = connection.GetMessageWriter();
        writer.WriteSignalHeader(null, MprisNames.ObjectPath, MprisNames.PropertiesInterface, "PropertiesChanged", "sa{sv}as");
        writer.WriteString(MprisNames.PlayerInterface);
        writer.WriteDictionary(changed);
        writer.WriteArray(Array.Empty<string>());
        connection.TrySendMessage(writer.CreateMessage());
    }

    private static void HandleRoot(MethodContext context, string? member)
    {
        switch (member)
        {
            case "Raise": // CanRaise is false: no effect, as the specification asks
            case "Quit": // CanQuit is false: no effect
                ReplyEmpty(context);
                break;
            default:
                context.ReplyUnknownMethodError();
                break;
        }
    }

    private static void ReplyEmpty(MethodContext context)
    {
        if (context.NoReplyExpected)
        {
            return;
        }

        using var writer = context.CreateReplyWriter(null);
        context.Reply(writer.CreateMessage());
    }

    private void HandleProperties(MethodContext context)
    {
        var request = context.Request;
        var reader = request.GetBodyReader();
        switch (request.MemberAsString, request.SignatureAsString)
        {
            case ("Get", "ss"):
            {
                var interfaceName = reader.ReadString();
                var name = reader.ReadString();
                if (MprisProperties.Of(interfaceName, Snapshot) is not { } properties)
                {
                    context.ReplyError(MprisNames.UnknownInterfaceError, $"No interface {interfaceName} at {MprisNames.ObjectPath}.");
                    return;
                }

                foreach (var (key, value) in properties)
                {
                    if (key == name)
                    {
                        using var writer = context.CreateReplyWriter("v");
                        writer.WriteVariant(value);
                        context.Reply(writer.CreateMessage());
                        return;
                    }
                }

                context.ReplyError(MprisNames.UnknownPropertyError, $"{interfaceName} has no property {name}.");
                return;
            }

            case ("GetAll", "s"):
            {
                var interfaceName = reader.ReadString();
                using var writer = context.CreateReplyWriter("a{sv}");
                // An interface this object does not have has no properties (what GDBus answers too).
                writer.WriteDictionary(MprisProperties.Of(interfaceName, Snapshot) ?? []);
                context.Reply(writer.CreateMessage());
                return;
            }

            case ("Set", "ssv"):
            {
                var interfaceName = reader.ReadString();
                var name = reader.ReadString();
                var known = MprisProperties.Of(interfaceName, Snapshot)?.Any(p => p.Key == name) ?? false;
                context.ReplyError(
                    known ? MprisNames.PropertyReadOnlyError : MprisNames.UnknownPropertyError,
                    known ? $"{interfaceName}.{name} is read-only in OrpheusLive." : $"{interfaceName} has no property {name}.");
                return;
            }

            default:
                context.ReplyUnknownMethodError();
                return;
        }
    }

    private void HandlePlayer(MethodContext context, string? member)
    {
        Func<PipelineState, CancellationToken, Task>? command = member switch
        {
            "Play" => (state, ct) => state.Playback.Playing is { IsPaused: true } ? _control.ResumeMusicAsync(ct) : Task.CompletedTask,
            "Pause" => (state, ct) => state.Playback.Playing is { IsPaused: false } ? _control.PauseMusicAsync(ct) : Task.CompletedTask,
            "PlayPause" => (state, ct) => state.Playback.Playing switch
            {
                null => Task.CompletedTask,
                { IsPaused: true } => _control.ResumeMusicAsync(ct),
                _ => _control.PauseMusicAsync(ct),
            },

            // OrpheusLive has no "stopped" music that a later Play could restart from the beginning: Stop pauses it.
            "Stop" => (state, ct) => state.Playback.Playing is { IsPaused: false } ? _control.PauseMusicAsync(ct) : Task.CompletedTask,
            "Next" => (state, ct) => state.Playback.Playing is null ? Task.CompletedTask : _control.SkipAsync(ct),

            // CanGoPrevious and CanSeek are false: the specification asks these to have no effect.
            "Previous" or "Seek" or "SetPosition" => (_, _) => Task.CompletedTask,
            _ => null,
        };

        if (member == "OpenUri")
        {
            context.ReplyError(MprisNames.NotSupportedError, "OrpheusLive chooses its music from the mood; it does not open URIs.");
            return;
        }

        if (command is null)
        {
            context.ReplyUnknownMethodError();
            return;
        }

        context.DisposesAsynchronously = true;
        lock (_queueLock)
        {
            _commands = _commands.ContinueWith(_ => RunAsync(context, member!, command), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
        }
    }

    private async Task RunAsync(MethodContext context, string member, Func<PipelineState, CancellationToken, Task> command)
    {
        using (context)
        {
            try
            {
                // Decided on the state as it is when the command's turn comes, not when it arrived.
                await command(_control.Current, _stopping).ConfigureAwait(false);
                _logger.LogDebug("MPRIS {Command} carried out", member);
                ReplyEmpty(context);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                context.ReplyError(MprisNames.FailedError, "OrpheusLive is shutting down.");
            }
            catch (Exception ex)
            {
                // A media key must never bring the app down; the pipeline reports player trouble in its own warnings.
                _logger.LogWarning("The media-key command {Command} failed: {Error}", member, ex.Message);
                context.ReplyError(MprisNames.FailedError, ex.Message);
            }
        }
    }
}
