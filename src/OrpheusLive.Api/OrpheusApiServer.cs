using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrpheusLive.Api.Hosting;

namespace OrpheusLive.Api;

/// <summary>Builds the API's web host (Kestrel + minimal APIs) around the app's singletons.</summary>
public static class OrpheusApiServer
{
    // Bodies other than uploads are small; this bound only has to let a maximal multipart upload through.
    private const long RequestOverheadBytes = 1024 * 1024;

    /// <summary>
    /// Creates the web application; start it with <c>StartAsync</c> and stop it with <c>StopAsync</c>. The addresses it
    /// actually bound (port 0 picks a free one) are in <c>Urls</c> after it started.
    /// </summary>
    /// <exception cref="OptionsValidationException">
    /// The options are unsafe or invalid, e.g. a non-loopback URL without <see cref="ApiOptions.Key"/>.
    /// </exception>
    public static WebApplication Create(ApiOptions options, OrpheusApiDependencies dependencies)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(dependencies);
        if (options.Validate() is { } problem)
        {
            throw new OptionsValidationException(ApiOptions.SectionName, typeof(ApiOptions), [problem]);
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = "orpheus-api",
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
            Args = [],
        });
        builder.Logging.ClearProviders(); // the app's Serilog factory is registered below
        builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.WebHost.UseUrls([.. ListenUrls.Split(options.Urls)]);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxUploadBytes + RequestOverheadBytes;
        });
        builder.Services.AddOrpheusApi(options, dependencies);

        var app = builder.Build();
        app.UseOrpheusApiErrors();
        app.MapOrpheusApi();
        return app;
    }
}
