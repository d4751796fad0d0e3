using Coop.Domain.Common;

namespace Coop.Data.Security;

/// <summary>An ASP.NET Core data-protection key ring entry, kept in the database so every app node shares it.</summary>
public sealed class DataProtectionKey : IPlatformEntity
{
    public int Id { get; set; }
    public string FriendlyName { get; set; } = string.Empty;
    public string Xml { get; set; } = string.Empty;
}
