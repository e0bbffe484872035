/* A municipality's own spreadsheets through the C API: vb_csv_options_t
 * with vb_network_read_csv and vb_network_import_csv (a Dutch Excel
 * export equal to its clean equivalent, renames, the warning callback,
 * bad options and bad files leaving the network as it was). */
#define _POSIX_C_SOURCE 200809L
#include "check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define INVALID VB_ERROR_INVALID_ARGUMENT

static char scratch[] = "/tmp/verbind-capi-csv-XXXXXX";

static const char *in_scratch(const char *name) {
    static char paths[16][512];
    static int next = 0;
    char *path = paths[next++ % 16];
    snprintf(path, sizeof paths[0], "%s/%s", scratch, name);
    return path;
}

static void spit(const char *folder, const char *name, const char *text) {
    char path[1024];
    FILE *file;
    snprintf(path, sizeof path, "%s/%s", folder, name);
    file = fopen(path, "wb");
    CHECK(file != NULL);
    if (!file) return;
    fputs(text, file);
    fclose(file);
}

static void remove_folder(const char *folder) {
    static const char *const names[] = {"actors.csv", "ties.csv", "events.csv", "attendance.csv"};
    char path[1024];
    size_t i;
    for (i = 0; i < sizeof names / sizeof names[0]; ++i) {
        snprintf(path, sizeof path, "%s/%s", folder, names[i]);
        remove(path);
    }
    rmdir(folder);
}

/* The warning callback: counts the calls and keeps the last message. */
struct seen {
    int count;
    char last[512];
};

static void on_warning(const char *message, void *data) {
    struct seen *seen = (struct seen *)data;
    ++seen->count;
    snprintf(seen->last, sizeof seen->last, "%s", message);
}

static int equal(const vb_network_t *a, const vb_network_t *b) {
    /* Through the canonical JSON export: the same network gives the same bytes. */
    const char *pa = in_scratch("a.json"), *pb = in_scratch("b.json");
    FILE *fa, *fb;
    int same = 1, ca, cb;
    if (vb_network_write_json(a, pa, EXPORT_SENSITIVE) != VB_OK ||
        vb_network_write_json(b, pb, EXPORT_SENSITIVE) != VB_OK)
        return 0;
    fa = fopen(pa, "rb");
    fb = fopen(pb, "rb");
    if (!fa || !fb) same = 0;
    while (same) {
        ca = fgetc(fa);
        cb = fgetc(fb);
        if (ca != cb) same = 0;
        if (ca == EOF) break;
    }
    if (fa) fclose(fa);
    if (fb) fclose(fb);
    remove(pa);
    remove(pb);
    return same;
}

static void test_dutch_excel_export(void) {
    const char *clean = in_scratch("clean"), *dutch = in_scratch("dutch");
    vb_network_t *expected = NULL, *read = NULL, *target = NULL;
    vb_csv_options_t options;
    struct seen seen = {0, ""};
    const char *files[2] = {"actors", NULL};
    const char *from[2] = {"bewoner", "wijk"};
    const char *to[2] = {"key", "neighbourhood"};

    mkdir(clean, 0700);
    mkdir(dutch, 0700);
    spit(clean, "actors.csv",
         "key,type,neighbourhood,municipality,key_figure,trained_on\n"
         "r1,resident,Centrum,Caf\xC3\xA9 de Hoek,true,2022-03-05\n"
         "r2,resident,,,false,\n");
    spit(clean, "ties.csv", "a,b,since,weight\nr1,r2,2022-01-05,1.5\n");
    /* Windows-1252, ';', TRUE/nee, 05-03-2022, a date-time, 1,5, a note column, own names. */
    spit(dutch, "actors.csv",
         "bewoner;type;wijk;municipality;key_figure;trained_on;note\r\n"
         "r1;resident;Centrum;Caf\xE9 de Hoek;TRUE;05-03-2022;belt terug\r\n"
         "r2;resident;;;nee;;\r\n");
    spit(dutch, "ties.csv", "a;b;since;weight\r\nr1;r2;2022-01-05 00:00:00;1,5\r\n");

    CHECK_OK(vb_network_read_csv(clean, NULL, &expected));
    vb_csv_options_init(&options);
    CHECK(options.struct_size == sizeof options);
    CHECK(options.delimiter == 0 && options.encoding == NULL && options.dayfirst == 1);
    CHECK(options.column_count == 0 && options.warning == NULL);
    options.encoding = "cp1252";
    options.column_count = 2;
    options.column_files = files;
    options.column_from = from;
    options.column_to = to;
    options.warning = on_warning;
    options.warning_data = &seen;
    CHECK_OK(vb_network_read_csv(dutch, &options, &read));
    CHECK(equal(read, expected));
    CHECK(seen.count == 1);
    CHECK(strstr(seen.last, "actors.csv:1: column 'note' is not part of the layout and ignored") != NULL);

    /* Without the encoding: refused with the hint, and the target stays as it was. */
    CHECK_OK(vb_network_new(&target));
    CHECK_OK(vb_network_add_resident(target, "r0", NULL));
    options.encoding = NULL;
    CHECK_FAILS(vb_network_import_csv(target, dutch, &options), VB_ERROR_PARSE,
                "actors.csv:2: field 'municipality': is not valid UTF-8 'Caf\\xE9 de Hoek'; if the file comes from "
                "Excel on Windows, try encoding='cp1252'");
    CHECK_SIZE(vb_network_actor_count(target), 1);
    CHECK(seen.count == 1); /* no warning from a failed read */
    options.encoding = "cp1252";
    CHECK_OK(vb_network_import_csv(target, dutch, &options));
    CHECK_SIZE(vb_network_actor_count(target), 3);
    CHECK(seen.count == 2);

    vb_network_free(expected);
    vb_network_free(read);
    vb_network_free(target);
    remove_folder(clean);
    remove_folder(dutch);
}

static void test_bad_options(void) {
    const char *folder = in_scratch("plain");
    vb_network_t *out = (vb_network_t *)1, *net = NULL;
    vb_csv_options_t options;
    const char *from[1] = {"x"};
    const char *to[1] = {"kee"};
    const char *null_item[1] = {NULL};

    mkdir(folder, 0700);
    spit(folder, "actors.csv", "key;type\nr1;resident\n");
    /* NULL options: the defaults, which find the ';'. */
    CHECK_OK(vb_network_read_csv(folder, NULL, &out));
    CHECK_SIZE(vb_network_actor_count(out), 1);
    vb_network_free(out);
    /* And the plain function reads it too. */
    CHECK_OK(vb_network_read_csv(folder, NULL, &out));
    vb_network_free(out);

    vb_csv_options_init(&options);
    options.struct_size = 0;
    CHECK_FAILS(vb_network_read_csv(folder, &options, &out), INVALID,
                "vb_network_read_csv: argument 'options' (vb_csv_options_t) has struct_size 0");
    CHECK(out == NULL);
    vb_csv_options_init(&options);
    options.encoding = "utf-16";
    CHECK_FAILS(vb_network_read_csv(folder, &options, &out), INVALID,
                "encoding: expected 'utf-8', 'cp1252' or 'latin-1', got 'utf-16'");
    vb_csv_options_init(&options);
    options.delimiter = '|';
    CHECK_FAILS(vb_network_read_csv(folder, &options, &out), INVALID, "delimiter: expected ',', ';' or a tab");
    vb_csv_options_init(&options);
    options.column_count = 1;
    CHECK_FAILS(vb_network_read_csv(folder, &options, &out), INVALID, "argument 'options.column_from' is NULL");
    options.column_from = null_item;
    options.column_to = to;
    CHECK_FAILS(vb_network_read_csv(folder, &options, &out), INVALID, "argument 'options.column_from[0]' is NULL");
    options.column_from = from;
    CHECK_FAILS(vb_network_read_csv(folder, &options, &out), INVALID,
                "columns: 'x' -> 'kee': no file of the CSV layout has a column 'kee'");
    CHECK(out == NULL);

    CHECK_FAILS(vb_network_read_csv(NULL, NULL, &out), INVALID, "vb_network_read_csv: argument 'folder' is NULL");
    CHECK_FAILS(vb_network_read_csv(folder, NULL, NULL), INVALID, "vb_network_read_csv: argument 'out' is NULL");
    CHECK_FAILS(vb_network_import_csv(NULL, folder, NULL), INVALID, "vb_network_import_csv: argument 'net' is NULL");
    CHECK_OK(vb_network_new(&net));
    CHECK_FAILS(vb_network_import_csv(net, NULL, NULL), INVALID, "vb_network_import_csv: argument 'folder' is NULL");
    /* A missing required column and mixed date formats: named, nothing imported. */
    spit(folder, "actors.csv", "key;note\nr1;x\n");
    CHECK_FAILS(vb_network_import_csv(net, folder, NULL), VB_ERROR_PARSE, "actors.csv:1: missing column 'type'");
    spit(folder, "actors.csv", "key,type,trained_on\nr1,resident,05-03-2022\nr2,resident,2022-03-06\n");
    CHECK_FAILS(vb_network_import_csv(net, folder, NULL), VB_ERROR_PARSE,
                "actors.csv:3: field 'trained_on': date '2022-03-06' is written yyyy-mm-dd, but the column's first "
                "date (line 2) is dd-mm-yyyy");
    CHECK_SIZE(vb_network_actor_count(net), 0);
    /* A struct too small to be one: init leaves struct_size 0, and it is refused. */
    vb_csv_options_init_sized(&options, sizeof(size_t));
    CHECK(options.struct_size == 0);
    vb_csv_options_init_sized(NULL, sizeof options);
    vb_network_free(net);
    remove_folder(folder);
}

int main(void) {
    if (mkdtemp(scratch) == NULL) {
        perror("mkdtemp");
        return 1;
    }
    test_dutch_excel_export();
    test_bad_options();
    rmdir(scratch);
    return check_summary("test_csv_options");
}
