namespace Coop.Data.Tenancy;

/// <summary>Thrown when a save would write a row of another cooperative, or a tenant row with no tenant bound.</summary>
public sealed class CrossTenantWriteException(string message) : InvalidOperationException(message);
