using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Radikalisering.Core.Http;

namespace Radikalisering.IntegrationTests.Fixtures.Http;

/// <summary>Request and response bodies in the API's JSON dialect.</summary>
public static class ApiJson
{
    public static StringContent Body(string json, string mediaType = "application/json") =>
        new(json, Encoding.UTF8, mediaType);

    public static StringContent Body(object value, string mediaType = "application/json") =>
        Body(JsonSerializer.Serialize(value, JsonDefaults.Options), mediaType);

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response)
    {
        return await response.Content.ReadFromJsonAsync<T>(JsonDefaults.Options)
            ?? throw new InvalidOperationException("The response body was empty.");
    }

    /// <summary>An RFC 9457 problem body, as JSON.</summary>
    public static async Task<JsonObject> ReadProblemAsync(this HttpResponseMessage response)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            throw new InvalidOperationException(
                $"Expected application/problem+json, got {response.Content.Headers.ContentType}: {await response.Content.ReadAsStringAsync()}");
        }

        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }
}
