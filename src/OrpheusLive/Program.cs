using OrpheusLive;

return await OrpheusApp.RunAsync(args);
