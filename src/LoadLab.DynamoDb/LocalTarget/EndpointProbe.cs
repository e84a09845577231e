using System.Diagnostics;
using System.Text;

namespace LoadLab.DynamoDb.LocalTarget;

/// <summary>
/// Waits until the endpoint answers HTTP. The LISTENING line means the socket is bound; one answered
/// request proves the whole stack (dynalite, its store) serves. Any status counts: dynalite answers
/// unsigned requests with 400 MissingAuthenticationToken, which is still an answer.
/// </summary>
internal static class EndpointProbe
{
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(100);

    public static async Task WaitUntilAnsweringAsync(Uri endpoint, Process process, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = AttemptTimeout };
        while (true)
        {
            if (process.HasExited)
                return; // the caller reports the exit with its output
            using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
            {
                Content = new StringContent("{}", Encoding.UTF8),
            };
            request.Headers.TryAddWithoutValidation("X-Amz-Target", "DynamoDB_20120810.ListTables");
            request.Content.Headers.Remove("Content-Type");
            request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/x-amz-json-1.0");
            try
            {
                using var response = await http.SendAsync(request, cancellationToken);
                return;
            }
            catch (HttpRequestException)
            {
                // Not accepting yet; try again.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // This attempt timed out; the overall start timeout still bounds the loop.
            }
            await Task.Delay(RetryDelay, cancellationToken);
        }
    }
}
