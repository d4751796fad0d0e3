using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace Coop.Web.Infrastructure;

/// <summary>
/// One accessible form field: label, input, optional hint, and the error message next to it, wired together with
/// <c>aria-describedby</c> and <c>aria-invalid</c>. <c>&lt;coop-field for="Email" label="Field.Email" type="email" autocomplete="email" /&gt;</c>
/// </summary>
[HtmlTargetElement("coop-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldTagHelper(IStringLocalizer<SharedResource> l) : TagHelper
{
    public string For { get; set; } = string.Empty;
    public string Label { get; set; } = string.Empty;
    public string? Hint { get; set; }
    /// <summary>An input type, or "textarea".</summary>
    public string Type { get; set; } = "text";
    public string? Autocomplete { get; set; }
    public string? Value { get; set; }
    public bool Required { get; set; } = true;
    public string? Inputmode { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var enc = HtmlEncoder.Default;
        var id = "f-" + For;
        var state = ViewContext.ViewData.ModelState.TryGetValue(For, out var entry) ? entry : null;
        var errors = state?.Errors.Select(e => e.ErrorMessage).Where(e => !string.IsNullOrEmpty(e)).ToList() ?? [];
        var value = Type == "password" ? null : state?.AttemptedValue ?? Value;
        var describedBy = new List<string>();
        var html = new System.Text.StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<label for=\"{id}\">{enc.Encode(l[Label])}</label>");
        if (Hint is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"hint\" id=\"{id}-hint\">{enc.Encode(l[Hint])}</p>");
            describedBy.Add(id + "-hint");
        }
        if (errors.Count > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"field-error\" id=\"{id}-error\">{enc.Encode(string.Join(" ", errors))}</p>");
            describedBy.Add(id + "-error");
        }
        var textarea = Type == "textarea";
        if (textarea) html.Append(CultureInfo.InvariantCulture, $"<textarea id=\"{id}\" name=\"{enc.Encode(For)}\" rows=\"6\"");
        else html.Append(CultureInfo.InvariantCulture, $"<input id=\"{id}\" name=\"{enc.Encode(For)}\" type=\"{enc.Encode(Type)}\"");
        if (value is not null && !textarea) html.Append(CultureInfo.InvariantCulture, $" value=\"{enc.Encode(value)}\"");
        if (Autocomplete is not null) html.Append(CultureInfo.InvariantCulture, $" autocomplete=\"{enc.Encode(Autocomplete)}\"");
        if (Inputmode is not null) html.Append(CultureInfo.InvariantCulture, $" inputmode=\"{enc.Encode(Inputmode)}\"");
        if (Required) html.Append(" required");
        if (errors.Count > 0) html.Append(" aria-invalid=\"true\"");
        if (describedBy.Count > 0) html.Append(CultureInfo.InvariantCulture, $" aria-describedby=\"{string.Join(' ', describedBy)}\"");
        html.Append(textarea ? ">" + enc.Encode(value ?? "") + "</textarea>" : " />");

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", errors.Count > 0 ? "field field--error" : "field");
        output.Content.SetHtmlContent(html.ToString());
    }
}
