/* The limit for any libyaml-based loader: pull every event from a file and do nothing else.
   Prints `libyaml_events_mb_per_s: X`, best of three runs. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <yaml.h>

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  if (argc < 2) { fprintf(stderr, "usage: libyaml_events FILE\n"); return 64; }
  FILE *file = fopen(argv[1], "rb");
  if (!file) { perror(argv[1]); return 2; }
  fseek(file, 0, SEEK_END);
  long size = ftell(file);
  fseek(file, 0, SEEK_SET);
  unsigned char *bytes = malloc(size);
  if (!bytes || fread(bytes, 1, size, file) != (size_t)size) { perror("read"); return 2; }
  fclose(file);
  double best = 1e30;
  long events = 0;
  for (int run = 0; run < 3; run++) {
    double start = now();
    yaml_parser_t parser;
    yaml_event_t event;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_string(&parser, bytes, size);
    events = 0;
    int done = 0;
    while (!done) {
      if (!yaml_parser_parse(&parser, &event)) { fprintf(stderr, "parse error\n"); return 2; }
      done = event.type == YAML_STREAM_END_EVENT;
      yaml_event_delete(&event);
      events++;
    }
    yaml_parser_delete(&parser);
    double seconds = now() - start;
    if (seconds < best) best = seconds;
  }
  printf("libyaml_events: %ld\n", events);
  printf("libyaml_events_mb_per_s: %.2f\n", size / 1e6 / best);
  free(bytes);
  return 0;
}
