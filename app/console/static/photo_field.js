// The photo field (templates/console/photo_field.html): each chosen image is posted to the
// console's upload endpoint with the page's CSRF token; the address it answers is kept, one a
// line, in the field's textarea, and shown as a thumbnail that can be removed.
(function () {
  "use strict";

  var REFUSALS = {
    400: "页面已过期，请刷新页面后重试",
    413: "图片过大，请换一张较小的图片",
    429: "上传太频繁，请稍后再试"
  };

  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute("content") : "";
  }

  function kept(field) {
    return Array.prototype.map.call(field.querySelectorAll("li[data-url]"), function (item) {
      return item.getAttribute("data-url");
    });
  }

  function sync(field) {
    field.querySelector("textarea").value = kept(field).join("\n");
  }

  function say(field, message, failed) {
    var status = field.querySelector("[data-photo-status]");
    status.textContent = message;
    status.classList.toggle("failed", Boolean(failed));
  }

  function show(field, url, thumbnail) {
    var item = document.createElement("li");
    item.setAttribute("data-url", url);
    var picture = document.createElement("img");
    picture.src = thumbnail;
    picture.alt = "照片 " + (kept(field).length + 1);
    var remove = document.createElement("button");
    remove.type = "button";
    remove.className = "link";
    remove.setAttribute("data-remove-photo", "");
    remove.textContent = "移除";
    item.appendChild(picture);
    item.appendChild(remove);
    field.querySelector(".photo-thumbs").appendChild(item);
  }

  function send(field, file) {
    var body = new FormData();
    body.append("file", file);
    return fetch(field.getAttribute("data-upload-url"), {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken(), "Accept": "application/json" }
    }).then(function (answer) {
      return answer.json().catch(function () { return null; }).then(function (data) {
        if (answer.ok && data) { return data; }
        var message = data && data.error ? data.error.message : REFUSALS[answer.status];
        throw new Error(message || "上传失败，请稍后再试");
      });
    });
  }

  function tooLarge(field, file) {
    return file.size > Number(field.getAttribute("data-max-bytes"));
  }

  function uploadAll(field, files) {
    var limit = Number(field.getAttribute("data-limit"));
    var queue = Promise.resolve();
    files.forEach(function (file) {
      queue = queue.then(function () {
        if (kept(field).length >= limit) { throw new Error("最多 " + limit + " 张照片"); }
        if (tooLarge(field, file)) {
          throw new Error(file.name + " 超过 " + field.getAttribute("data-max-mb") + " MB");
        }
        say(field, "正在上传 " + file.name + " …");
        return send(field, file).then(function (data) {
          show(field, data.url, data.thumbnail_url);
          sync(field);
        });
      });
    });
    field.classList.add("uploading");
    return queue.then(function () {
      say(field, "已上传");
    }, function (error) {
      say(field, error.message, true);
    }).then(function () {
      field.classList.remove("uploading");
    });
  }

  document.addEventListener("change", function (event) {
    var input = event.target;
    var field = input.closest ? input.closest("[data-photo-field]") : null;
    if (!field || input.type !== "file" || !input.files.length) { return; }
    var files = Array.prototype.slice.call(input.files);
    input.value = "";
    uploadAll(field, files);
  });

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-photo-field] [data-remove-photo]");
    if (!button) { return; }
    var field = button.closest("[data-photo-field]");
    button.closest("li").remove();
    sync(field);
    say(field, "已移除");
  });
})();
