using Microsoft.AspNetCore.Routing.Patterns;

namespace Coop.Web.Features.Tenancy;

/// <summary>
/// The paths that belong to the platform on any host: the literal beginnings of the endpoints marked
/// <see cref="TenantlessAttribute"/> ("account", "api/auth", "invitations"…), and the folders and files of the static
/// web root. Read from the endpoints themselves, once, so a new platform page cannot be forgotten in a list.
/// </summary>
public sealed class TenantlessPaths(EndpointDataSource endpoints, IWebHostEnvironment environment)
{
    private readonly Lazy<IReadOnlyList<string>> _prefixes = new(() => Read(endpoints, environment));

    /// <summary>Each platform prefix, its segments joined by '/', without leading slash.</summary>
    public IReadOnlyList<string> Prefixes => _prefixes.Value;

    public bool Contains(PathString path) => Contains(path.Value ?? string.Empty);

    public bool Contains(string path)
    {
        var value = path.Trim('/');
        if (value.Length == 0) return false;
        foreach (var prefix in _prefixes.Value)
        {
            if (value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                && (value.Length == prefix.Length || value[prefix.Length] == '/'))
                return true;
        }
        return false;
    }

    private static List<string> Read(EndpointDataSource endpoints, IWebHostEnvironment environment)
    {
        var prefixes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var endpoint in endpoints.Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<TenantlessAttribute>() is null) continue;
            if (LiteralBeginning(endpoint.RoutePattern, 0) is { Length: > 0 } literal) prefixes.Add(literal);
        }
        foreach (var entry in environment.WebRootFileProvider.GetDirectoryContents("/"))
            prefixes.Add(entry.Name);
        // The shortest prefixes first: "account" answers before "account/login" is tried.
        return [.. prefixes.OrderBy(p => p.Length)];
    }

    /// <summary>The plain-text segments a pattern starts with, from segment <paramref name="skip"/> on ("api/auth" of "api/auth/token").</summary>
    public static string LiteralBeginning(RoutePattern pattern, int skip)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var literals = pattern.PathSegments.Skip(skip)
            .TakeWhile(s => s is { IsSimple: true, Parts: [RoutePatternLiteralPart] })
            .Select(s => ((RoutePatternLiteralPart)s.Parts[0]).Content);
        return string.Join('/', literals);
    }
}
