using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Radikalisering.Core.Reports;

/// <summary>Renders the report e-mail's HTML from the Razor components with the ASP.NET Core <see cref="HtmlRenderer"/>.</summary>
public static class AnnualReportHtmlRenderer
{
    public static async Task<string> RenderAsync(AnnualReportModel model)
    {
        // Danish letters stay readable in the mail source instead of becoming character references.
        await using var services = new ServiceCollection()
            .AddSingleton(HtmlEncoder.Create(UnicodeRanges.All))
            .BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, NullLoggerFactory.Instance);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(AnnualReportEmail.Model)] = model });
            // Stay on the renderer's dispatcher: the output may only be read there.
            var output = await renderer.RenderComponentAsync<AnnualReportEmail>(parameters);
            return output.ToHtmlString();
        });
    }
}
