using System.Text;
using Spectre.Console;

namespace LoadLab.IntegrationTests.Support;

/// <summary>A non-interactive console that records what the CLI printed, and lets a test wait for a line.</summary>
internal sealed class TestConsole
{
    private readonly LineWriter writer = new();

    public TestConsole()
    {
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        Console.Profile.Width = 200;
    }

    public IAnsiConsole Console { get; }

    public string Output => writer.Text;

    /// <summary>
    /// Completes when the CLI has printed a whole line that <paramref name="match"/> accepts (one printed before the
    /// call counts too); fails with <see cref="TimeoutException"/> after <paramref name="timeout"/>, a failure guard.
    /// </summary>
    public Task WaitForLineAsync(Func<string, bool> match, TimeSpan timeout) => writer.WaitForLineAsync(match).WaitAsync(timeout);

    /// <summary>Collects what is written and completes the waits whose line has come. Every write ends in Write(char).</summary>
    private sealed class LineWriter : TextWriter
    {
        private readonly Lock gate = new();
        private readonly StringBuilder all = new();
        private readonly StringBuilder line = new();
        private readonly List<string> lines = [];
        private readonly List<(Func<string, bool> Match, TaskCompletionSource Done)> waits = [];

        public string Text
        {
            get
            {
                lock (gate)
                    return all.ToString();
            }
        }

        public Task WaitForLineAsync(Func<string, bool> match)
        {
            lock (gate)
            {
                if (lines.Exists(l => match(l)))
                    return Task.CompletedTask;
                var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                waits.Add((match, done));
                return done.Task;
            }
        }

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            lock (gate)
            {
                all.Append(value);
                if (value == '\n')
                    EndLine();
                else if (value != '\r')
                    line.Append(value);
            }
        }

        public override void Write(char[] buffer, int index, int count)
        {
            for (int i = index; i < index + count; i++)
                Write(buffer[i]);
        }

        private void EndLine()
        {
            string text = line.ToString();
            line.Clear();
            lines.Add(text);
            foreach (var wait in waits.Where(w => w.Match(text)).ToList())
            {
                waits.Remove(wait);
                wait.Done.TrySetResult();
            }
        }
    }
}
