using System.Globalization;

namespace Coop.Web.Infrastructure;

/// <summary>Amounts are stored in minor units (cents); this is how people read and type them.</summary>
public static class Money
{
    public static string Format(long minor, string currency, string culture)
    {
        var format = (NumberFormatInfo)CultureInfo.GetCultureInfo(culture).NumberFormat.Clone();
        format.CurrencySymbol = currency switch { "EUR" => "€", "CAD" => "$", _ => currency };
        return (minor / 100m).ToString("C2", format);
    }

    public static string Format(long minor, string currency) => Format(minor, currency, CultureInfo.CurrentUICulture.Name is { Length: > 0 } name ? name : "fr-FR");

    /// <summary>"12,50", "12.50" or "12" → 1250; null when it is not an amount with at most two decimals.</summary>
    public static long? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var normalized = text.Trim().Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal)
            .Replace("\u202f", "", StringComparison.Ordinal).Replace("€", "", StringComparison.Ordinal).Replace("$", "", StringComparison.Ordinal).Replace(',', '.');
        if (!decimal.TryParse(normalized, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return null;
        if (decimal.Round(value, 2) != value || Math.Abs(value) > 10_000_000m) return null;
        return (long)(value * 100);
    }
}
