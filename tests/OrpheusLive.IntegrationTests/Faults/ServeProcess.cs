namespace OrpheusLive.IntegrationTests.Faults;

/// <summary>`orpheus serve` as a child process on a free loopback port, with an HTTP client for it.</summary>
internal sealed class ServeProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private ServeProcess(OrpheusChild child, HttpClient client)
    {
        Child = child;
        Client = client;
    }

    public OrpheusChild Child { get; }

    public HttpClient Client { get; }

    /// <summary>Starts `orpheus serve` and waits until /health answers (the model loads first: slow on a busy machine).</summary>
    public static Task<ServeProcess> StartAsync(string configDirectory, params string[] extraArgs) =>
        StartAsync(configDirectory, extraArgs, environment: null);

    /// <summary>As <see cref="StartAsync(string, string[])"/>, with extra environment variables for the child.</summary>
    public static async Task<ServeProcess> StartAsync(string configDirectory, string[] extraArgs, IDictionary<string, string?>? environment)
    {
        // A port can be taken between probing and binding: try a few.
        for (var attempt = 1; ; attempt++)
        {
            var port = Shell.FreePort();
            var child = OrpheusChild.Start(["serve", "--urls", $"http://127.0.0.1:{port}", .. extraArgs], configDirectory, environment);
            var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
            var deadline = DateTime.UtcNow + StartTimeout;
            while (DateTime.UtcNow < deadline && !child.HasExited)
            {
                try
                {
                    using var health = await client.GetAsync("/health");
                    if (health.IsSuccessStatusCode)
                    {
                        return new ServeProcess(child, client);
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }

                await Task.Delay(200);
            }

            var description = child.Describe();
            var exited = child.HasExited;
            client.Dispose();
            await child.DisposeAsync();
            if (!exited || attempt >= 3 || !description.Contains("already in use", StringComparison.Ordinal) && !description.Contains("cannot listen", StringComparison.Ordinal))
            {
                Assert.Fail($"orpheus serve did not become healthy on port {port} within {StartTimeout.TotalSeconds:0} s.{description}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Child.DisposeAsync();
    }
}
