namespace Coop.Web.Infrastructure;

/// <summary>
/// A timed job on this node: runs <see cref="RunOnceAsync"/> at each tick, logs a failed run and carries on (the
/// next tick tries again). The jobs themselves are safe on several nodes; each says how.
/// </summary>
public abstract class PeriodicService(TimeSpan period, ILogger logger) : BackgroundService
{
    protected abstract Task RunOnceAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(period);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try { await RunOnceAsync(stoppingToken); }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Timed job {Job} failed", GetType().Name);
            }
        }
    }
}
